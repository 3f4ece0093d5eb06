import { expect } from "vitest";

/** The whole problem body an error must have; `detail` exact when given, else any non-empty string. */
export async function expectProblem(
  res: Response,
  expected: { status: number; code: string; title?: string; detail?: string | RegExp; errors?: { path: string; message: string }[] },
): Promise<Record<string, unknown>> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Record<string, unknown>;
  const shape: Record<string, unknown> = {
    type: `/problems/${expected.code}`,
    title: expected.title ?? expect.any(String),
    status: expected.status,
    detail: expected.detail instanceof RegExp ? expect.stringMatching(expected.detail) : (expected.detail ?? expect.stringMatching(/\S/)),
    code: expected.code,
    request_id: res.headers.get("x-request-id"),
  };
  if (expected.errors) shape.errors = expected.errors;
  expect(body).toEqual(shape);
  expect(res.status).toBe(expected.status);
  expect(body.request_id).toMatch(/^req_/);
  return body;
}
