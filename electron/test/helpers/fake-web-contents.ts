import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';

/** The bits of WebContents / WebFrameMain that sender validation and hardening look at. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  constructor(public mainFrame: FakeFrame) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

let nextRoutingId = 1;
export function frame(url: string, parent: FakeFrame | null = null, processId = 7): FakeFrame {
  return { url, parent, processId, routingId: nextRoutingId++ };
}

/** A window showing our renderer in its main frame. */
export function appWindowContents(url = 'app://renderer/index.html'): FakeWebContents {
  return new FakeWebContents(frame(url));
}
