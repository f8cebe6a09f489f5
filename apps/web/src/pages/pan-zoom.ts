import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';

/** The part of a drawing in view, in the drawing's own coordinates (an SVG viewBox). */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** `view` scaled by `factor` around the point (px, py) of the drawing. */
export function zoomed(view: View, factor: number, px: number, py: number): View {
  const width = Math.min(Math.max(view.width * factor, 100), 100_000);
  const scale = width / view.width;
  return { x: px - (px - view.x) * scale, y: py - (py - view.y) * scale, width, height: view.height * scale };
}

/** A point of the page as a point of the drawing (the SVG's own coordinates). */
function drawingPoint(element: SVGSVGElement, clientX: number, clientY: number) {
  const matrix = element.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return { x: point.x, y: point.y };
}

/**
 * Zoom and pan of an SVG: the wheel zooms around the pointer (a non-passive listener, so the page
 * does not scroll meanwhile), a drag moves the view, `zoomBy` zooms around the centre. A drag
 * that starts on a link leaves the click to the link.
 */
export function usePanZoom(svg: RefObject<SVGSVGElement | null>, ready: unknown) {
  const [view, setView] = useState<View | null>(null);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const point = drawingPoint(element, event.clientX, event.clientY);
      setView((v) => (v && point ? zoomed(v, event.deltaY > 0 ? 1.15 : 1 / 1.15, point.x, point.y) : v));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [svg, ready]);
  const handlers = {
    onPointerDown: (event: ReactPointerEvent<SVGSVGElement>) => {
      if (!view || (event.target as Element).closest('a')) return;
      drag.current = { x: event.clientX, y: event.clientY, view };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: ReactPointerEvent<SVGSVGElement>) => {
      const start = drag.current;
      const rect = event.currentTarget.getBoundingClientRect();
      if (!start || rect.width === 0) return;
      const scale = start.view.width / rect.width;
      setView({
        ...start.view,
        x: start.view.x - (event.clientX - start.x) * scale,
        y: start.view.y - (event.clientY - start.y) * scale,
      });
    },
    onPointerUp: () => {
      drag.current = null;
    },
    onPointerCancel: () => {
      drag.current = null;
    },
  };
  const zoomBy = (factor: number) =>
    setView((v) => (v ? zoomed(v, factor, v.x + v.width / 2, v.y + v.height / 2) : v));
  return { view, setView, zoomBy, handlers };
}
