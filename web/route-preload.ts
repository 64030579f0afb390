/**
 * Build step: a few lines of script in index.html that, for the route in the address
 * (`#/lesson/N`, `#/playground`), start fetching that page's chunks and style sheets at once,
 * in parallel with the app's entry chunk, instead of one round trip after it (on Slow 4G a round
 * trip is over half a second). The chunk names are the build's hashed ones.
 */
import type { Plugin } from 'vite';

const PAGES: Array<[RegExp, string]> = [
  [/[\\/]web[\\/]src[\\/]lessons[\\/]lesson-0(\d)\.ts$/, 'lesson/$1'],
  [/[\\/]web[\\/]src[\\/]playground\.ts$/, 'playground'],
];

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  viteMetadata?: { importedCss: Set<string> };
}

export function routePreload(): Plugin {
  return {
    name: 'nabla-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle as Record<string, ChunkLike> | undefined;
        if (!bundle) return html;
        const routes: Record<string, string[]> = {};
        for (const c of Object.values(bundle)) {
          if (c.type !== 'chunk' || !c.facadeModuleId) continue;
          const page = PAGES.find(([re]) => re.test(c.facadeModuleId!));
          const found = page?.[0].exec(c.facadeModuleId);
          if (!page || !found) continue;
          const files = new Set<string>();
          const visit = (name: string): void => {
            const d = bundle[name];
            if (!d || d.type !== 'chunk' || d.isEntry || files.has(name)) return;
            files.add(name);
            for (const css of d.viteMetadata?.importedCss ?? []) files.add(css);
            for (const i of d.imports ?? []) visit(i);
          };
          visit(c.fileName);
          routes[page[1].replace('$1', found[1] ?? '')] = [...files];
        }
        const script = `(function(){var m=${JSON.stringify(routes)};var r=(location.hash.match(/^#\\/(lesson\\/\\d+|playground)/)||[])[1];(m[r]||[]).forEach(function(f){var l=document.createElement('link');l.rel=/\\.css$/.test(f)?'stylesheet':'modulepreload';l.href='./'+f;l.crossOrigin='';document.head.appendChild(l);});})();`;
        return html.replace('</title>', `</title>\n    <script>${script}</script>`);
      },
    },
  };
}
