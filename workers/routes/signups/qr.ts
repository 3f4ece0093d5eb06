import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { ConflictError } from "../../errors.ts";
import { checkInQrSvg } from "../../roadshows/qr.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";
import { readableSignup } from "./access.ts";

const route = createRoute({
  method: "get",
  path: "/v1/signups/{id}/qr.svg",
  tags: ["Roadshows"],
  summary: "Check-in QR code",
  description: "The confirmed signup's check-in code as an SVG QR code, for a badge or a phone screen. 409 until the seat is confirmed.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("signup") },
  responses: {
    200: { description: "An SVG image encoding the check-in code", content: { "image/svg+xml": { schema: z.string() } } },
    ...errorResponses(400, ...AUTHED_ERRORS, 404, 409),
  },
});

export function registerSignupQr(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const signup = await readableSignup(c.get("deps").db, caller, c.req.valid("param").id);
    if (signup.status !== "confirmed") throw new ConflictError(
        `The signup is ${signup.status}; a check-in code is issued once the seat is confirmed.`,
        `该报名状态为 ${signup.status}；名额确认后才会发放签到码。`,
      );
    return c.body(checkInQrSvg(signup.checkInCode), 200, { "content-type": "image/svg+xml", "cache-control": "private, no-store" });
  });
}
