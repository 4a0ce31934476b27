/**
 * Kiosk-only guards against the browser's own gestures: no context menu (long press), no text
 * selection or dragging, no pinch or ctrl-zoom (the page's layout is made for this screen). The
 * web keeps normal zoom. CSS does the rest (`touch-action`, `user-select`, `overscroll-behavior`
 * in kiosk.css); the Chromium flags in docs/kiosk.md switch pinch and swipe-back off at the source.
 */
const editable = (t: EventTarget | null) => t instanceof Element && !!t.closest('input, textarea, select, [contenteditable="true"]');
/** 3D views handle their own pinch (to zoom the scene), so multi-touch on a canvas is theirs. */
const onCanvas = (t: EventTarget | null) => t instanceof Element && !!t.closest('canvas');

export function installTouchGuards(doc: Document = document): () => void {
  const prevent = (e: Event) => e.preventDefault();
  const onContextMenu = (e: Event) => {
    if (!editable(e.target)) e.preventDefault();
  };
  const onSelectStart = (e: Event) => {
    if (!editable(e.target)) e.preventDefault();
  };
  const onTouchMove = (e: TouchEvent) => {
    if (e.touches.length > 1 && !onCanvas(e.target)) e.preventDefault();
  };
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey && !onCanvas(e.target)) e.preventDefault(); // trackpad pinch arrives as ctrl+wheel
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', '_'].includes(e.key)) e.preventDefault();
  };
  const opts = { passive: false, capture: true } as const;
  doc.addEventListener('contextmenu', onContextMenu, opts);
  doc.addEventListener('selectstart', onSelectStart, opts);
  doc.addEventListener('dragstart', prevent, opts);
  doc.addEventListener('gesturestart', prevent, opts);
  doc.addEventListener('touchmove', onTouchMove, opts);
  doc.addEventListener('wheel', onWheel, opts);
  doc.addEventListener('keydown', onKey, opts);
  return () => {
    doc.removeEventListener('contextmenu', onContextMenu, opts);
    doc.removeEventListener('selectstart', onSelectStart, opts);
    doc.removeEventListener('dragstart', prevent, opts);
    doc.removeEventListener('gesturestart', prevent, opts);
    doc.removeEventListener('touchmove', onTouchMove, opts);
    doc.removeEventListener('wheel', onWheel, opts);
    doc.removeEventListener('keydown', onKey, opts);
  };
}
