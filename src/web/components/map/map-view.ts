/** Pure view helpers of the world map (tested without a browser). */

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface MapView {
  /** [longitude, latitude] of the view's centre (ECharts' order). */
  center: [number, number];
  zoom: number;
}

/** The whole world. */
export const WORLD_VIEW: MapView = { center: [10, 20], zoom: 1 };

// The drawn world spans 360° of longitude and about 140° of latitude (Antarctica left out).
const WORLD_SPAN = { longitude: 360, latitude: 140 };
const MAX_ZOOM = 12;

/**
 * A view that shows every place with a margin: centred on their bounding box and zoomed so the
 * box fills at most two thirds of the map. One place gets a regional view, none the world.
 */
export function fitView(places: readonly Coordinates[]): MapView {
  if (places.length === 0) return WORLD_VIEW;
  const lats = places.map((p) => p.latitude);
  const lons = places.map((p) => p.longitude);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const center: [number, number] = [round((west + east) / 2), round((south + north) / 2)];
  const span = Math.max(
    (east - west) / WORLD_SPAN.longitude,
    (north - south) / WORLD_SPAN.latitude,
  );
  const zoom = span === 0 ? 6 : Math.min(MAX_ZOOM, Math.max(1, 2 / 3 / span));
  return { center, zoom: round(zoom) };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** True for a latitude and longitude that exist on Earth (WGS 84 degrees). */
export const isOnEarth = (latitude: number, longitude: number): boolean =>
  Number.isFinite(latitude) &&
  Number.isFinite(longitude) &&
  latitude >= -90 &&
  latitude <= 90 &&
  longitude >= -180 &&
  longitude <= 180;

/** Coordinates picked on the map, rounded to 4 decimals (about 11 m): enough for a site. */
export function pickedCoordinates(longitude: number, latitude: number): Coordinates | null {
  if (!isOnEarth(latitude, longitude)) return null;
  const r = (n: number) => Math.round(n * 10_000) / 10_000;
  return { latitude: r(latitude), longitude: r(longitude) };
}

/** Line width of a flow: 1–6 px in proportion to its share of the largest flow. */
export function flowWidth(value: number | undefined, largest: number): number {
  if (value === undefined || largest <= 0) return 1.5;
  return round(1 + 5 * Math.max(0, Math.min(1, value / largest)));
}

/** Text made safe for the map's HTML tooltips (names come from other organisations' listings). */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
