"""Opening input files safely: only regular files, reads bounded by a limit, never a hang.

`regular_file(path)` stats the path and raises the `InputError` that says why it cannot be read:
missing, a dangling symbolic link, a symbolic-link loop, a directory, a FIFO, a device or a socket
(reading a FIFO would wait forever, ``/dev/zero`` would fill the memory), no permission.
`read_bounded(path, limit)` reads at most ``limit`` bytes and refuses a file that holds more — it
counts what it reads, not what ``st_size`` claims (``/proc`` files say 0). Files are opened with
``O_NONBLOCK``, so a FIFO put in a checked file's place is not waited on either.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from parsers.errors import InputError

CHUNK = 1 << 20


def _kind(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）", "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件", "a device"
    if stat.S_ISSOCK(mode):
        return "套接字", "a socket"
    return "特殊文件", "a special file"


def regular_file(path: str | os.PathLike) -> os.stat_result:
    """``path``'s status when it is a regular file (symbolic links followed), else `InputError`."""
    p = Path(path)
    try:
        info = os.stat(p)
    except FileNotFoundError:
        if os.path.islink(p):
            raise InputError(str(p), "符号链接指向的文件不存在", "the symbolic link points to no file", "missing") from None
        raise InputError(str(p), "文件不存在", "no such file", "missing") from None
    except PermissionError:
        raise InputError(str(p), "没有读取权限", "permission denied", "permission") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(str(p), "符号链接形成循环", "a loop of symbolic links", "symlink_loop") from None
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(str(p), "文件名过长", "the file name is too long", "name_too_long") from None
        raise InputError(str(p), f"读取失败（{exc.strerror or exc}）", f"read failed ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(str(p), "这是一个目录，不是文件", "it is a directory, not a file", "directory")
    if not stat.S_ISREG(info.st_mode):
        zh, en = _kind(info.st_mode)
        raise InputError(str(p), f"这是{zh}，不是普通文件", f"it is {en}, not a regular file", "not_regular")
    return info


def open_regular(path: str | os.PathLike):
    """A binary file object for reading ``path`` (a regular file), without ever blocking on open."""
    regular_file(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise InputError(str(path), "没有读取权限", "permission denied", "permission") from None
    except OSError as exc:
        raise InputError(str(path), f"读取失败（{exc.strerror or exc}）", f"read failed ({exc.strerror or exc})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
        os.close(fd)
        regular_file(path)
        raise InputError(str(path), "文件在读取时被替换", "the file was replaced while being read", "not_regular")
    return os.fdopen(fd, "rb")


def too_large(path: str | os.PathLike, size: int, limit: int) -> InputError:
    mb, cap = size / 1048576, limit / 1048576
    return InputError(str(path), f"文件过大（超过 {cap:.0f} MB 上限，至少 {mb:.1f} MB）",
                      f"file too large (over the {cap:.0f} MB limit: at least {mb:.1f} MB)", "too_large")


def read_bounded(path: str | os.PathLike, limit: int) -> bytes:
    """All of ``path``'s bytes, when there are at most ``limit`` of them; else `InputError`."""
    size = regular_file(path).st_size
    if size > limit:
        raise too_large(path, size, limit)
    with open_regular(path) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"读取失败（{exc.strerror or exc}）", f"read failed ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise too_large(path, len(data), limit)
    return data
