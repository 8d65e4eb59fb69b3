import { build, Platform } from 'electron-builder';
try {
  await build({ projectDir: '/work/main', targets: Platform.LINUX.createTarget('dir'), publish: 'never', config: { directories: { output: '/tmp/i10-dist-out' } } });
  console.log('built?!');
} catch (e) { console.log('ERROR MESSAGE:', (e as Error).message.slice(0, 400)); }
