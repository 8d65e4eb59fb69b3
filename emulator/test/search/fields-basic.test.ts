import { describe, expect, it } from 'vitest';
import { compileSearchQuery } from '../../src/search/index.js';
import { ALL_FILES, ALL_FOLDERS, EVERYTHING, NOW, search, sorted } from './fixtures.js';

// Each case lists the exact set of LIBRARY labels the query must return (see fixtures.ts).
const cases: Array<[string, string[]]> = [
  // name: = is exact and case-sensitive, : is a case-sensitive prefix, HAS is case-insensitive words
  ['name = "red-dress-summer.jpg"', ['red-summer']],
  ['name = "RED-DRESS-SUMMER.JPG"', []],
  ['name="Red-Dress-Summer.jpg"', ['red-upper']],
  ['name : "red-dress"', ['red-summer', 'red-winter']],
  ['name: "Red"', ['red-upper']],
  ['name IN ["red-dress-summer.jpg", "manual.pdf", "nope"]', ['manual', 'red-summer']],
  ['name NOT = "red-dress-summer.jpg"', EVERYTHING.filter((l) => l !== 'red-summer')],
  ['name NOT IN ["manual.pdf", "winter"]', EVERYTHING.filter((l) => l !== 'manual' && l !== 'dir-winter')],
  ['name HAS "red dress"', ['red-summer', 'red-upper', 'red-winter']],
  ['name HAS "dress sum"', ['red-summer', 'red-upper']],
  ['name HAS "SUMMER"', ['red-summer', 'red-upper']],
  ['name HAS "dre"', ['red-summer', 'red-upper', 'red-winter']],
  ['name HAS "dre red"', []],
  ['name HAS "logo"', ['dir-logo']],
  // tags: both tags and AITags names
  ['tags IN ["summer-sale", "banner"]', ['red-summer']],
  ['tags IN ["Dress"]', ['red-summer']],
  ['tags IN ["sale"]', ['promo-video', 'red-summer']],
  ['tags NOT IN ["sale"]', EVERYTHING.filter((l) => l !== 'promo-video' && l !== 'red-summer')],
  ['tags HAS "summer"', ['red-summer']],
  ['tags HAS "dress"', ['red-summer']],
  ['tags HAS "win"', ['red-winter']],
  ['tags EXISTS', ['promo-video', 'red-summer', 'red-winter']],
  ['tags NOT EXISTS', ['dir-logo', 'dir-sales', 'dir-winter', 'manual', 'red-upper']],
  ['"tags" IN ["winter"]', ['red-winter']],
  // type
  ['type = "file"', ALL_FILES],
  ['type = "file-version"', ['red-summer@v1']],
  ['type = "folder"', ALL_FOLDERS],
  ['type IN ["file", "folder"]', EVERYTHING],
  ['type NOT = "folder"', [...ALL_FILES, 'red-summer@v1']],
  ['type NOT IN ["file", "folder"]', ['red-summer@v1']],
  ['type = "file-version" AND tags IN ["draft"]', ['red-summer@v1']],
  ['tags IN ["draft"]', []], // without a type condition, versions are not searched
  ['type = "folder" OR tags IN ["draft"]', [...ALL_FOLDERS, 'red-summer@v1']],
  // format (case-insensitive value, validated against the documented list)
  ['format = "jpg"', ['red-summer', 'red-upper']],
  ['format="png"', ['red-winter']],
  ['format = "PDF"', ['manual']],
  ['format IN ["jpg", "mp4"]', ['promo-video', 'red-summer', 'red-upper']],
  // booleans
  ['private = true', ['red-winter']],
  ['private = false', ['manual', 'promo-video', 'red-summer', 'red-upper']],
  ['published = false', ['red-winter']],
  ['published = "true"', ['manual', 'promo-video', 'red-summer', 'red-upper']],
  ['transparency = true', ['red-winter']],
  // id / createdBy
  ['id = "red-winter"', ['red-winter']],
  ['id IN ["manual", "dir-logo"]', ['dir-logo', 'manual']],
  ['id NOT = "manual"', EVERYTHING.filter((l) => l !== 'manual')],
  ['createdBy = "alice"', ['red-summer']],
  ['createdBy IN ["alice", "bob"]', ['red-summer', 'red-winter']],
  ['createdBy NOT IN ["alice"]', EVERYTHING.filter((l) => l !== 'red-summer')],
  // path: = exact folder, : folder and sub-folders; folders sit in their parent
  ['path = "/sales-banner/"', ['red-summer', 'dir-winter']],
  ['path = "/sales-banner"', ['red-summer', 'dir-winter']],
  ['path : "/sales-banner/"', ['red-summer', 'red-winter', 'dir-winter']],
  ['path : "/sales"', []],
  ['path = "/"', ['red-upper', 'dir-sales']],
  ['path IN ["/docs/", "/videos/"]', ['manual', 'promo-video']],
  ['path NOT = "/"', EVERYTHING.filter((l) => l !== 'red-upper' && l !== 'dir-sales')],
  ['path : "/brand"', ['dir-logo']],
];

describe('built-in string, tag, type, format, boolean, id and path fields', () => {
  it.each(cases)('%s', (query, expected) => {
    expect(search(query)).toEqual(sorted(expected));
  });
});

it('reports whether the query names the type field', () => {
  expect(compileSearchQuery('name = "a" OR "type" = "file"', { now: NOW }).referencesType).toBe(true);
  expect(compileSearchQuery('name = "type"', { now: NOW }).referencesType).toBe(false);
});
