"""Warn when the data folder sits where SQLite's durability promises do not hold: a network share
(WAL needs shared memory on one machine; locking is unreliable), a removable drive (may lie about
flushing, may be pulled out) or a cloud-sync folder (the sync tool copies the file mid-write and
replaces it behind the app's back)."""

from __future__ import annotations

import os
from pathlib import Path

CLOUD_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "坚果云", "nutstore",
                 "百度网盘", "baidunetdisk", "baiduyun", "wps云", "wpsdrive", "腾讯微云", "weiyun", "seafile",
                 "nextcloud", "owncloud", "box sync", "阿里云盘", "aliyundrive")
NETWORK_FS = ("nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "9p", "afs", "sshfs", "davfs", "fuse.sshfs",
              "fuse.rclone", "fuse.davfs2", "ceph", "glusterfs", "lustre")
_DRIVE_REMOVABLE, _DRIVE_REMOTE = 2, 4


def cloud_folder_marker(path: Path) -> str | None:
    for part in path.parts:
        low = part.lower()
        for marker in CLOUD_MARKERS:
            if marker in low:
                return part
    return None


def _mount_of(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, fs type) of the longest mount point containing ``path``."""
    best: tuple[str, str] | None = None
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if str(path) == point or str(path).startswith(point.rstrip("/") + "/") or point == "/":
            if best is None or len(point) > len(best[0]):
                best = (point, fields[2])
    return best


def _linux_warning(path: Path, mounts_text: str | None = None) -> str | None:
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mount = _mount_of(path, mounts_text)
    if mount is None:
        return None
    point, fstype = mount
    if fstype in NETWORK_FS or fstype.startswith("fuse.") and fstype != "fuse.portal":
        return f"数据目录位于网络或远程文件系统（{fstype}，挂载于 {point}）上"
    if point.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return f"数据目录位于可移动磁盘（{point}）上"
    return None


def _windows_warning(path: Path) -> str | None:
    try:
        import ctypes

        root = path.anchor or str(path)[:3]
        if str(path).startswith("\\\\"):
            return "数据目录位于网络共享文件夹上"
        kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None
    if kind == _DRIVE_REMOTE:
        return f"数据目录位于网络驱动器（{root}）上"
    if kind == _DRIVE_REMOVABLE:
        return f"数据目录位于可移动磁盘（{root}）上"
    return None


def location_warnings(folder: Path, *, mounts_text: str | None = None) -> list[str]:
    """Chinese warnings about where the data folder is (empty when it looks like a local disk)."""
    folder = Path(folder).resolve()
    found = []
    marker = cloud_folder_marker(folder)
    if marker:
        found.append(f"数据目录位于云同步文件夹（{marker}）中")
    place = _windows_warning(folder) if os.name == "nt" else _linux_warning(folder, mounts_text)
    if place:
        found.append(place)
    return [w + "。这样的位置可能在写入中途复制或断开，造成数据丢失或损坏，请把数据目录放在本机硬盘上，"
            "用“备份”把副本存到别处" for w in found]
