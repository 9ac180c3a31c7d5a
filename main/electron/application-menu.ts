import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Replaces Electron's default menu, which offers Reload and Toggle Developer Tools to anyone at
 * the desk. Only the Edit menu stays (copy and paste need it on macOS), plus the macOS app menu.
 */
export function installApplicationMenu(platform: NodeJS.Platform): void {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'editMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
