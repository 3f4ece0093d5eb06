import { renderSVG } from "uqr";

/** The check-in code as a QR code in SVG; scanners read back exactly the code. */
export function checkInQrSvg(code: string): string {
  return renderSVG(code, { ecc: "M", border: 2 });
}
