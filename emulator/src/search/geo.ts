import type { Literal } from './ast.js';
import { queryError, show } from './query-error.js';

/**
 * `"embeddedMetadata.LocationTaken" = …` in ImageKit's three documented forms (coordinates are
 * `latitude,longitude`):
 *   "40,100 5km"              within 5 km of the point (great-circle distance)
 *   "40,100|50,105"           inside the box whose diagonal joins the two points
 *   "0,0|0,100|40,100|40,0"   inside the polygon with those vertices (3 or more)
 */
export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const DISTANCE_UNITS: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048, yd: 0.9144, mi: 1609.344, nmi: 1852 };
const POINT = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;
const RADIUS = /^(.*\d)\s+(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i;

export function compileLocation(literal: Literal): (point: LatLon) => boolean {
  const text = literal.raw;
  const fail = (why: string): never => {
    throw queryError(`${show(text)} is not a LocationTaken value: ${why}; use "lat,lon 5km", "lat,lon|lat,lon" or "lat,lon|lat,lon|lat,lon|…"`, literal.position);
  };
  const radius = RADIUS.exec(text);
  if (radius) {
    const centre = parsePoint(radius[1]) ?? fail('the centre is not "latitude,longitude"');
    const unit = DISTANCE_UNITS[radius[3].toLowerCase()] ?? fail(`unknown distance unit "${radius[3]}"`);
    const maxMetres = Number(radius[2]) * unit;
    return (p) => haversineMetres(centre, p) <= maxMetres;
  }
  const points = text.split('|').map((part) => parsePoint(part) ?? fail(`${show(part)} is not "latitude,longitude"`));
  if (points.length === 1) fail('a single point needs a radius such as " 5km"');
  if (points.length === 2) {
    const [a, b] = points;
    const [latMin, latMax] = [Math.min(a.lat, b.lat), Math.max(a.lat, b.lat)];
    const [lonMin, lonMax] = [Math.min(a.lon, b.lon), Math.max(a.lon, b.lon)];
    return (p) => p.lat >= latMin && p.lat <= latMax && p.lon >= lonMin && p.lon <= lonMax;
  }
  return (p) => insidePolygon(points, p) || onBoundary(points, p);
}

function parsePoint(text: string): LatLon | undefined {
  const m = POINT.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function haversineMetres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Ray casting on the lat/lon plane, as Elasticsearch's geo_polygon does for small polygons.
function insidePolygon(vertices: LatLon[], p: LatLon): boolean {
  let inside = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const a = vertices[i];
    const b = vertices[j];
    if (a.lat > p.lat !== b.lat > p.lat && p.lon < ((b.lon - a.lon) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lon) inside = !inside;
  }
  return inside;
}

// Ray casting is undecided on edges; a point on the outline counts as inside, like the box form.
function onBoundary(vertices: LatLon[], p: LatLon): boolean {
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const a = vertices[i];
    const b = vertices[j];
    const cross = (b.lat - a.lat) * (p.lon - a.lon) - (b.lon - a.lon) * (p.lat - a.lat);
    const within = p.lat >= Math.min(a.lat, b.lat) && p.lat <= Math.max(a.lat, b.lat) && p.lon >= Math.min(a.lon, b.lon) && p.lon <= Math.max(a.lon, b.lon);
    if (Math.abs(cross) < 1e-9 && within) return true;
  }
  return false;
}

/**
 * Where a file's embedded metadata says it was taken: an explicit `LocationTaken`
 * (`"lat,lon"`, `{lat, lon}` or `{latitude, longitude}`), else `GPSLatitude`/`GPSLongitude` as
 * signed decimals, decimals with a `GPSLatitudeRef`/`GPSLongitudeRef`, or DMS text such as
 * `48,16.5N` (XMP) or `40 deg 26' 46.00" N` (ExifTool).
 */
export function recordLocation(embedded: Record<string, unknown>): LatLon | undefined {
  const explicit = embedded.LocationTaken;
  if (typeof explicit === 'string') return parsePoint(explicit);
  if (explicit && typeof explicit === 'object') {
    const o = explicit as Record<string, unknown>;
    const lat = o.lat ?? o.latitude;
    const lon = o.lon ?? o.lng ?? o.longitude;
    if (typeof lat === 'number' && typeof lon === 'number') return { lat, lon };
  }
  const lat = coordinate(embedded.GPSLatitude, embedded.GPSLatitudeRef);
  const lon = coordinate(embedded.GPSLongitude, embedded.GPSLongitudeRef);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function coordinate(value: unknown, ref: unknown): number | undefined {
  let magnitude: number | undefined;
  let hemisphere = typeof ref === 'string' ? ref.trim()[0]?.toUpperCase() : undefined;
  if (typeof value === 'number') magnitude = value;
  else if (typeof value === 'string') {
    const numbers = value.match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    if (numbers.length === 0 || numbers.length > 3) return undefined;
    magnitude = numbers[0] + (numbers[1] ?? 0) / 60 + (numbers[2] ?? 0) / 3600;
    if (value.trim().startsWith('-')) magnitude = -magnitude;
    hemisphere = /([NSEW])\s*$/i.exec(value)?.[1].toUpperCase() ?? hemisphere;
  }
  if (magnitude === undefined || !Number.isFinite(magnitude)) return undefined;
  return hemisphere === 'S' || hemisphere === 'W' ? -Math.abs(magnitude) : magnitude;
}
