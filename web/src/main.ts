/**
 * The course app: hash routes `#/` (home), `#/lesson/N` and `#/playground`. Each lesson page is
 * its own chunk, loaded when visited.
 */
import './styles.css';
import { h } from './dom.js';
import { COURSE } from './course.js';
import { getProgress, markProgress, resetProgress } from './progress.js';

type PageModule = { render(root: HTMLElement): void | Promise<void> };

const LESSON_PAGES: Record<number, () => Promise<PageModule>> = {
  1: () => import('./lessons/lesson-01.js'),
  2: () => import('./lessons/lesson-02.js'),
  3: () => import('./lessons/lesson-03.js'),
  4: () => import('./lessons/lesson-04.js'),
  5: () => import('./lessons/lesson-05.js'),
  6: () => import('./lessons/lesson-06.js'),
  7: () => import('./lessons/lesson-07.js'),
};

const app = document.getElementById('app')!;

function home(): void {
  const items = COURSE.map((l) => {
    const p = getProgress(l.id);
    const badges = [p.visited ? 'read' : '', p.ran ? 'ran code' : '', p.solved?.length ? 'exercise solved' : ''].filter(Boolean);
    return h(
      'li',
      { class: `lesson-card${p.solved?.length ? ' done' : ''}` },
      h('a', { href: `#/lesson/${l.id}` }, h('span', { class: 'num' }, String(l.id).padStart(2, '0')), h('span', { class: 'title' }, l.title)),
      h('p', {}, l.blurb),
      h('p', { class: `badges${badges.length ? '' : ' none'}`, 'aria-label': 'progress' }, badges.length ? badges.map((b) => `✓ ${b}`).join('  ') : 'not started'),
    );
  });
  const reset = h('button', { type: 'button', class: 'reset-progress' }, 'Reset progress');
  reset.addEventListener('click', () => {
    resetProgress();
    home();
  });
  app.replaceChildren(
    h('h1', {}, 'Calculus for machine learning'),
    h(
      'p',
      { class: 'lede' },
      'Seven short lessons, from the derivative to the support vector machine. Every lesson has runnable TypeScript that uses the nabla library, live figures and an exercise checked by a computer algebra system.',
    ),
    h('ol', { class: 'lessons' }, ...items),
    h('p', {}, h('a', { href: '#/playground' }, 'Playground'), ': type any expression and get its derivative, integral, gradient and more.'),
    reset,
  );
  document.title = 'nabla — calculus for machine learning';
}

async function lessonPage(id: number): Promise<void> {
  const entry = COURSE.find((l) => l.id === id);
  const load = LESSON_PAGES[id];
  if (!entry || !load) return notFound();
  markProgress(id, { visited: true });
  const prev = COURSE.find((l) => l.id === id - 1);
  const next = COURSE.find((l) => l.id === id + 1);
  const nav = () =>
    h(
      'nav',
      { class: 'pager', 'aria-label': 'lessons' },
      prev ? h('a', { href: `#/lesson/${prev.id}`, rel: 'prev' }, `← ${prev.title}`) : h('span'),
      h('a', { href: '#/' }, 'All lessons'),
      next ? h('a', { href: `#/lesson/${next.id}`, rel: 'next' }, `${next.title} →`) : h('a', { href: '#/playground' }, 'Playground →'),
    );
  const body = h('article', { class: 'lesson', 'data-lesson': id });
  app.replaceChildren(nav(), h('h1', {}, h('span', { class: 'num' }, `Lesson ${String(id).padStart(2, '0')} · `), entry.title), body, nav());
  document.title = `${entry.title} — nabla`;
  const mod = await load();
  await mod.render(body);
  body.dataset.rendered = 'true';
}

function notFound(): void {
  app.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the lessons')));
}

async function route(): Promise<void> {
  const hash = location.hash.replace(/^#\/?/, '');
  const [page, arg] = hash.split('/');
  window.scrollTo(0, 0);
  try {
    if (!page) home();
    else if (page === 'lesson') await lessonPage(Number.parseInt(arg ?? '', 10)); // '#/lesson/3' or '#/lesson/03-gradient'
    else if (page === 'playground') {
      const m = await import('./playground.js');
      await m.render(app);
    } else notFound();
  } catch (e) {
    console.error(e);
    app.append(h('p', { class: 'error' }, `This page failed to load: ${e instanceof Error ? e.message : String(e)}`));
  }
  app.focus({ preventScroll: true });
}

window.addEventListener('hashchange', () => void route());
void route();
