// For tests: jsdom neither lays out nor passes font sizes down, so a chart that measures itself
// is told its size by this stand-in for ResizeObserver.

/** A ResizeObserver that reports, once, that what it watches is `width` pixels wide in `fontPx` text. */
export function fakeResizeObserver(width: number, fontPx: number): typeof ResizeObserver {
  return class {
    constructor(private readonly seen: ResizeObserverCallback) {}
    observe(target: Element) {
      (target as SVGElement).style.fontSize = `${fontPx}px`;
      this.seen([{ target, contentRect: { width } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  };
}
