/**
 * The smallest touch target on a kiosk: at least 44 CSS px (WCAG 2.5.5) and at least 20 mm on the
 * physical screen (fingers of children and elderly visitors, arm's-length use). The screen's size
 * comes from the kiosk's configuration: its diagonal in inches and its resolution in device
 * pixels; CSS px are device px divided by devicePixelRatio.
 */
export interface ScreenSize {
  diagonalInches: number;
  widthPx: number;
  heightPx: number;
}

export const MIN_TARGET_CSS_PX = 44;
export const MIN_TARGET_MM = 20;
const MM_PER_INCH = 25.4;

/** Device pixels per millimetre of this screen. */
export function devicePxPerMm(screen: ScreenSize): number {
  const diagonalPx = Math.hypot(screen.widthPx, screen.heightPx);
  return diagonalPx / (screen.diagonalInches * MM_PER_INCH);
}

/** The minimum target size in CSS px: max(44 px, 20 mm), rounded up to whole pixels. */
export function minTargetCssPx(screen: ScreenSize, devicePixelRatio = 1): number {
  const valid = screen.diagonalInches > 0 && screen.widthPx > 0 && screen.heightPx > 0 && devicePixelRatio > 0;
  if (!valid) return MIN_TARGET_CSS_PX;
  const twentyMm = (MIN_TARGET_MM * devicePxPerMm(screen)) / devicePixelRatio;
  return Math.max(MIN_TARGET_CSS_PX, Math.ceil(twentyMm));
}
