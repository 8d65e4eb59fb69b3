import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openExternal(url: string): void;
}

/**
 * Standard menus with the platform's accelerators (roles supply them). Developer tools only in
 * development builds.
 */
export function menuTemplate(platform: NodeJS.Platform, isDev: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push({
    label: '&File',
    submenu: [
      mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  });
  template.push({ role: 'editMenu' });
  template.push({
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(isDev ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      { label: 'ImageKit Documentation', click: () => actions.openExternal('https://docs.imagekit.io/') },
      { label: 'ImageKit Dashboard', click: () => actions.openExternal('https://imagekit.io/dashboard') },
    ],
  });
  return template;
}
