"""Statistics charts drawn with QtCharts, from services.chart_data's plain chart data.

The 统计 page shows these charts in a QChartView (``build_chart``); the .docx report gets the same
charts as PNG pictures (``render_png``), rendered offscreen, so the program has one chart library.
The command line calls ``png_renderer()`` only when it writes a .docx, so other commands never load Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from mediation_desktop.services.chart_data import PIE, ChartSpec

# Colours that stay apart when printed in grey: received, closed, then the rest.
PALETTE = ("#1f5fa8", "#d9822b", "#3a9d5d", "#b03a48", "#7a5ba6", "#8c6d31", "#4f8fa8", "#a8a8a8",
           "#c4a000", "#5c5c5c")
PICTURE_SIZE = (1200, 640)
_app: QApplication | None = None


def build_chart(spec: ChartSpec) -> QChart:
    """A QChart of ``spec``: grouped bars with a category axis, or a pie with percentages."""
    chart = QChart()
    chart.setTitle(spec.title)
    title_font = QFont(chart.titleFont())
    title_font.setPointSize(14)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QColor("white"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if spec.kind == PIE:
        pie = QPieSeries()
        values = spec.series[0].values if spec.series else ()
        total = sum(values)
        for i, (label, value) in enumerate(zip(spec.categories, values, strict=True)):
            if not value:
                continue   # a zero slice is only a label without a wedge
            share = value / total * 100
            piece = pie.append(f"{label} {value}件（{share:.1f}%）", value)
            piece.setBrush(QColor(PALETTE[i % len(PALETTE)]))
            piece.setLabelVisible(True)
        chart.addSeries(pie)
        return chart
    bars = QBarSeries()
    for i, series in enumerate(spec.series):
        bar_set = QBarSet(series.name)
        bar_set.append([float(v) for v in series.values])
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append(list(spec.categories))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max((v for s in spec.series for v in s.values), default=0)
    axis_y.setRange(0, max(4, math.ceil(top * 1.1)))
    axis_y.applyNiceNumbers()   # whole, round steps: these are numbers of cases
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(len(spec.series) > 1)
    return chart


def ensure_application() -> QApplication:
    """The running QApplication, or one on the offscreen platform for a command-line process (the
    charts need a QApplication; nothing is shown, so no display is needed, whatever QT_QPA_PLATFORM
    says: a server without a display would otherwise abort the process)."""
    global _app
    app = QApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    _app = QApplication(["mediation-desktop", "-platform", "offscreen"])
    return _app


def render_png(spec: ChartSpec, size: tuple[int, int] = PICTURE_SIZE) -> bytes:
    """``spec`` drawn offscreen into a PNG picture."""
    ensure_application()
    width, height = size
    chart = build_chart(spec)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(QSizeF(width, height))
    scene.setSceneRect(QRectF(0, 0, width, height))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_renderer() -> Callable[[ChartSpec], bytes]:
    """The renderer services.report_docx takes."""
    return render_png
