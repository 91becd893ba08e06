/** The part of a Fastify instance that lists its routes. */
interface RouteTree {
  printRoutes(options: { commonPrefix: boolean }): string;
}

export interface RegisteredRoute {
  method: string;
  /** The route pattern as registered, e.g. `/api/v1/cases/:id`. */
  url: string;
}

/**
 * Every route the app has registered, read from Fastify's own route tree (`printRoutes`), so
 * that a test built on it notices an endpoint added later. HEAD routes that Fastify adds for
 * each GET are left out.
 */
export function registeredRoutes(app: RouteTree): RegisteredRoute[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of tree.split('\n')) {
    // "│   └── /:id (GET, HEAD)": 4 characters of indentation per level, then the segment.
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (depth > 0 ? (stack[depth - 1] ?? '') : '') + m[2]!;
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

/** `METHOD /path` keys of the routes under the API prefix. */
export const apiRouteKeys = (app: RouteTree): string[] =>
  registeredRoutes(app)
    .filter((r) => r.url.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.url}`)
    .sort();
