/**
 * The pages of the mini-program as WeChat knows them from app.json (main package and subpackages):
 * a subscribe message whose `page` is not one of them is refused with 41030.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const MINIPROGRAM_DIR = resolve(__dirname, '..', 'miniprogram');

const subPackage = z.object({ root: z.string(), pages: z.array(z.string()) });
const appJson = z.object({
  pages: z.array(z.string()).min(1),
  subPackages: z.array(subPackage).optional(),
  subpackages: z.array(subPackage).optional(),
});

export function appPages(miniprogramDir: string = MINIPROGRAM_DIR): Set<string> {
  const file = join(miniprogramDir, 'app.json');
  const parsed = appJson.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} 缺少 pages 列表，无法核对订阅消息的跳转页面。`);
  const { pages, subPackages = [], subpackages = [] } = parsed.data;
  const routes = new Set(pages);
  for (const pkg of [...subPackages, ...subpackages]) {
    const root = pkg.root.replace(/^\/+|\/+$/g, '');
    for (const page of pkg.pages) routes.add(`${root}/${page}`);
  }
  return routes;
}

/** The route of a message's `page` (`pages/progress/index?id=…` → `pages/progress/index`). */
export function routeOf(page: string): string {
  return page.split('?')[0] ?? '';
}
