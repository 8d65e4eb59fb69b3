import { afterEach, describe, expect, it } from 'vitest';
import { beginFilesDrag, FILES_DRAG_TYPE } from '../../src/features/browser/drag';
import { nativeDragOut } from '../../src/api/native-drag';
import { setBridgeForTests } from '../../src/api/transport';
import type { ApiBridge, DragOutRequest } from '../../../shared/ipc/wire';
import { summary } from './library-host';

const files = [summary('a.png'), summary('b.png', '/trips')];

function dragEvent(altKey: boolean) {
  const data = new Map<string, string>();
  let prevented = false;
  const dataTransfer = { effectAllowed: 'none', setData: (type: string, value: string) => data.set(type, value) } as unknown as DataTransfer;
  return { event: { altKey, dataTransfer, preventDefault: () => (prevented = true) }, data, prevented: () => prevented };
}

function bridge(withStartDrag: boolean): { bridge: ApiBridge; requests: DragOutRequest[] } {
  const requests: DragOutRequest[] = [];
  const base: ApiBridge = { invoke: async () => ({ ok: true, data: null }), on: () => () => undefined };
  return { requests, bridge: withStartDrag ? { ...base, startDrag: (r) => requests.push(r) } : base };
}

afterEach(() => setBridgeForTests(undefined));

describe('dragging files out of the grid', () => {
  it('a plain drag stays in MediaDesk: paths for the folder tree, URLs for other apps, no native drag', () => {
    const host = bridge(true);
    setBridgeForTests(host.bridge);
    const drag = dragEvent(false);
    expect(beginFilesDrag(drag.event, files, nativeDragOut)).toBe('in-app');
    expect(JSON.parse(drag.data.get(FILES_DRAG_TYPE)!)).toEqual({ filePaths: ['/a.png', '/trips/b.png'] });
    expect(drag.data.get('text/uri-list')).toContain(files[1]!.url);
    expect(drag.prevented()).toBe(false);
    expect(host.requests).toEqual([]);
  });

  it('with Alt in the desktop app, hands the originals to the OS and cancels the page drag', () => {
    const host = bridge(true);
    setBridgeForTests(host.bridge);
    const drag = dragEvent(true);
    expect(beginFilesDrag(drag.event, files, nativeDragOut)).toBe('native');
    expect(host.requests).toEqual([{ fileIds: files.map((f) => f.fileId) }]);
    expect(drag.prevented()).toBe(true);
    expect(drag.data.size).toBe(0);
  });

  it('with Alt in the web host (no native drag), falls back to the page drag', () => {
    setBridgeForTests(bridge(false).bridge);
    const drag = dragEvent(true);
    expect(beginFilesDrag(drag.event, files, nativeDragOut)).toBe('in-app');
    expect(drag.prevented()).toBe(false);
    expect(drag.data.has('DownloadURL')).toBe(true);
  });
});
