#!/usr/bin/python3
"""Asks every X window titled ARGV[1] to close, as a window manager's close button or Alt+F4
does: a WM_DELETE_WINDOW message. The app decides what happens next, as with a real close."""
import sys

from Xlib import X, display, protocol


def windows(window):
    for child in window.query_tree().children:
        yield child
        yield from windows(child)


def main(title):
    screen = display.Display()
    protocols = screen.intern_atom("WM_PROTOCOLS")
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    found = [w for w in windows(screen.screen().root) if w.get_wm_name() == title]
    for window in found:
        message = protocol.event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
    screen.sync()
    print(f"asked {len(found)} window(s) titled {title!r} to close")
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
