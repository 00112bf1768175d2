"""The command line: ``mediation-desktop [--data-dir DIR] [--user NAME] [COMMAND ...]``.

No command opens the GUI. Exit status: 0 success; 2 the input or data was refused (a Chinese
message on stderr starting with a stable code); 1 an unexpected fault (a short message and the log
file's path, never a traceback). Each command group lives in ``commands/`` and registers itself.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from mediation_desktop import APP_TITLE, __version__
from mediation_desktop.core.errors import UserError, ValidationErrors
from mediation_desktop.paths import DataPaths

log = logging.getLogger("mediation_desktop.cli")

COMMAND_MODULES = (
    "init_cmd", "cases_cmd", "ledger_cmd", "calendar_cmd", "demo_cmd",
    "doc_cmd", "keys_cmd", "sync_cmd", "report_cmd", "backup_cmd", "users_cmd", "org_cmd",
    "supervise_cmd", "lifecycle_cmd", "templates_cmd", "programme_cmd", "district_cmd",
)


class Context:
    """What a command handler gets: the parsed options and lazily opened back end."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.paths = DataPaths.resolve(args.data_dir)
        self._backend = None

    def backend(self, must_exist: bool = True):  # services.backend.Backend
        if self._backend is None:
            from mediation_desktop.services.backend import Backend

            self._backend = Backend.open(self.paths.root, self.args.user, must_exist=must_exist)
        return self._backend

    @staticmethod
    def out_json(data: Any) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    @staticmethod
    def say(text: str) -> None:
        sys.stdout.write(text + "\n")

    @staticmethod
    def chart_renderer():  # -> Callable[[ChartSpec], bytes]
        """The QtCharts renderer for the pictures of a .docx report. Commands may not import the GUI,
        so the entry point hands it to them; Qt is loaded only when a report needs pictures."""
        from mediation_desktop.gui.charts import png_renderer

        return png_renderer()

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()


# argparse's own words, in Chinese (Python ships no translation for them).
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "命令与参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "取值无效：%(value)r",
    "expected one argument": "需要一个取值",
    "expected at least one argument": "至少需要一个取值",
    "one of the arguments %s is required": "必须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
}


def _zh(message: str) -> str:
    return _ARGPARSE_ZH.get(message, message)


class ChineseArgumentParser(argparse.ArgumentParser):
    """Refused arguments exit 2 like any refused input, with a stable code and a Chinese message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"E_ARGUMENT: {message}。运行 {self.prog} -h 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _zh  # argparse looks its words up through this name at call time
    parser = ChineseArgumentParser(
        prog="mediation-desktop",
        description=f"{APP_TITLE}：劳动人事争议协商调解。不带命令运行时打开图形界面。",
    )
    parser.add_argument("--data-dir", help="数据目录（也可用环境变量 MEDIATION_DESKTOP_DATA_DIR）")
    parser.add_argument("--user", help="记入审计日志的操作人（默认：操作系统登录名）")
    parser.add_argument("--database-url", metavar="URL",
                        help="使用 PostgreSQL 数据库服务器（区人社多人使用），如 postgresql://用户:密码@服务器:5432/数据库；"
                             "也可用环境变量 MEDIATION_DESKTOP_DATABASE_URL。密钥、文书和日志仍在数据目录中")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"mediation_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"mediation_desktop.commands.{name}":
                continue  # a command group not present in this build
            raise
        module.register(sub)
    return parser


def _fail_user(exc: UserError) -> int:
    sys.stderr.write(f"{exc.code}: {exc.message}\n")
    if isinstance(exc, ValidationErrors):
        for err in exc.errors[1:]:
            sys.stderr.write(f"{err.code}: {err.message}\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.database_url is not None:
        # Every back end this process opens (commands, the GUI) finds the server through
        # core.database_url, whichever path constructs it; checked before anything runs.
        from mediation_desktop.core.database_url import ENV_DATABASE_URL, normalise_database_url

        try:
            os.environ[ENV_DATABASE_URL] = normalise_database_url(args.database_url)
        except UserError as exc:
            return _fail_user(exc)
    if not args.command:
        from mediation_desktop.app import run_gui

        return run_gui(args.data_dir, args.user)
    ctx = Context(args)
    from mediation_desktop.log import setup_logging

    try:
        setup_logging(ctx.paths.log_file)
    except OSError:
        pass  # an unwritable data folder is reported by the command itself
    try:
        return int(args.func(ctx) or 0)
    except UserError as exc:
        return _fail_user(exc)
    except KeyboardInterrupt:
        sys.stderr.write("E_INTERRUPTED: 操作已取消，未完成的更改没有保存。\n")
        return 2
    except Exception as exc:  # the one place unexpected faults are turned into exit 1
        from mediation_desktop.core.environment_errors import environment_fault

        fault = environment_fault(exc)
        if fault is not None:  # a full disk, a read-only folder...: the user's to fix, exit 2
            log.info("command %s stopped by the environment: %s", args.command, exc)
            return _fail_user(fault)
        log.exception("unexpected error in command %s", args.command)
        sys.stderr.write(f"程序内部错误，操作未完成。详细信息已写入日志：{ctx.paths.log_file}\n")
        if os.environ.get("MEDIATION_DESKTOP_DEBUG"):
            raise
        return 1
    finally:
        ctx.close()
