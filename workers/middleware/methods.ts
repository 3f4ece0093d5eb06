interface RouteTable {
  routes: { method: string; path: string }[];
}

const cache = new WeakMap<object, { pattern: RegExp; method: string }[]>();

/** The methods registered for a path, so an unmatched request can be told 405 rather than 404. */
export function allowedMethods(app: RouteTable, path: string): string[] {
  let table = cache.get(app);
  if (!table) {
    table = app.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(`^${r.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\/:[^/]+/g, "/[^/]+")}/?$`),
      }));
    cache.set(app, table);
  }
  const methods = new Set<string>();
  for (const r of table) if (r.pattern.test(path)) methods.add(r.method);
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}
