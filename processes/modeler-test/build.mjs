// Bundles the browser code (src/*.js) for the tests into target/modeler-test/ (or the directory given).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] || path.join(here, '..', 'target', 'modeler-test');

for (const [entry, globalName] of [['modeler', 'OnboardingModeler'], ['form-viewer', 'TasklistForms']]) {
  await build({
    entryPoints: [path.join(here, 'src', entry + '.js')],
    bundle: true,
    format: 'iife',
    globalName,
    outfile: path.join(outdir, entry + '.js'),
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
    logLevel: 'warning',
    legalComments: 'none'
  });
}
console.log('bundled into ' + outdir);
