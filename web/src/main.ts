/**
 * The course app: hash routes `#/` (home), `#/lesson/N` and `#/playground`. Each lesson page is
 * its own chunk, loaded when visited.
 */
import './styles.css';
import { h } from './dom.js';
import { COURSE } from './course.js';
import { getProgress, lastLesson, resetProgress, setLastLesson } from './progress.js';
import { EXERCISES } from './exercises.js';
import { leavePage } from './lifecycle.js';

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
    const total = EXERCISES[l.id]?.length ?? 0;
    const solved = (p.solved ?? []).filter((id) => EXERCISES[l.id]?.some((e) => e.id === id)).length;
    const done = total > 0 && solved === total;
    const badges = [p.ran ? '✓ ran code' : '', solved ? `${done ? '✓ ' : ''}${solved}/${total} exercises` : ''].filter(Boolean);
    return h(
      'li',
      { class: `lesson-card${done ? ' done' : ''}` },
      h('a', { href: `#/lesson/${l.id}` }, h('span', { class: 'num' }, String(l.id).padStart(2, '0')), h('span', { class: 'title' }, l.title)),
      h('p', {}, l.blurb),
      h('p', { class: `badges${badges.length ? '' : ' none'}` }, h('span', { class: 'visually-hidden' }, 'progress: '), h('span', { class: 'state' }, badges.length ? badges.join('  ') : 'not started')),
    );
  });
  const last = lastLesson();
  const lastEntry = COURSE.find((l) => l.id === last);
  const cont = lastEntry
    ? h('p', { class: 'continue' }, h('a', { href: `#/lesson/${lastEntry.id}`, class: 'continue-link' }, `Continue where you left off: lesson ${String(lastEntry.id).padStart(2, '0')}, ${lastEntry.title} →`))
    : '';
  const reset = h('button', { type: 'button', class: 'reset-progress' }, 'Reset progress');
  const confirmBox = h('span', { class: 'confirm', hidden: true, role: 'alertdialog', 'aria-label': 'confirm reset' });
  const yes = h('button', { type: 'button', class: 'confirm-reset' }, 'Yes, forget everything');
  const no = h('button', { type: 'button', class: 'cancel-reset' }, 'Cancel');
  confirmBox.append('Forget all progress, edited code and answers? ', yes, ' ', no);
  reset.addEventListener('click', () => {
    confirmBox.hidden = false;
    reset.hidden = true;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirmBox.hidden = true;
    reset.hidden = false;
    reset.focus();
  });
  yes.addEventListener('click', () => {
    resetProgress();
    home();
  });
  app.replaceChildren(
    h('h1', {}, 'Calculus for machine learning'),
    h(
      'p',
      { class: 'lede' },
      'Seven short lessons, from the derivative to the support vector machine. Every lesson has runnable TypeScript (types are stripped, not checked) that uses the nabla library, live figures and exercises checked by a computer algebra system.',
    ),
    cont,
    h('ol', { class: 'lessons' }, ...items),
    h('p', {}, h('a', { href: '#/playground' }, 'Playground'), ': type any expression and get its derivative, integral, gradient and more.'),
    h('p', {}, reset, confirmBox),
  );
  document.title = 'nabla — calculus for machine learning';
}

async function lessonPage(id: number): Promise<void> {
  const entry = COURSE.find((l) => l.id === id);
  const load = LESSON_PAGES[id];
  if (!entry || !load) return notFound();
  setLastLesson(id);
  const prev = COURSE.find((l) => l.id === id - 1);
  const next = COURSE.find((l) => l.id === id + 1);
  const nav = (where: string) =>
    h(
      'nav',
      { class: 'pager', 'aria-label': `lesson pages (${where})` },
      prev ? h('a', { href: `#/lesson/${prev.id}`, rel: 'prev' }, `← ${prev.title}`) : h('span'),
      h('a', { href: '#/' }, 'All lessons'),
      next ? h('a', { href: `#/lesson/${next.id}`, rel: 'next' }, `${next.title} →`) : h('a', { href: '#/playground' }, 'Playground →'),
    );
  const body = h('article', { class: 'lesson', 'data-lesson': id });
  app.replaceChildren(nav('top'), h('h1', {}, h('span', { class: 'num' }, `Lesson ${String(id).padStart(2, '0')} · `), entry.title), body, nav('bottom'));
  document.title = `${entry.title} — nabla`;
  const mod = await load();
  await mod.render(body);
  body.dataset.rendered = 'true';
}

function notFound(): void {
  app.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page in the course. ', h('a', { href: '#/' }, 'Back to the lessons')));
  document.title = 'Not found — nabla';
}

/**
 * Scroll positions per history entry (kept in sessionStorage under a key stored in the entry's
 * state), so Back returns to where the learner was; a new page starts at the top.
 */
const SCROLLS = 'nabla.scroll.v1';
function entryKey(): string {
  const st = history.state as { key?: string } | null;
  if (st?.key) return st.key;
  const key = Math.random().toString(36).slice(2);
  history.replaceState({ ...(st ?? {}), key }, '');
  return key;
}
function savedScroll(key: string): number {
  try {
    return (JSON.parse(sessionStorage.getItem(SCROLLS) ?? '{}') as Record<string, number>)[key] ?? 0;
  } catch {
    return 0;
  }
}
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    try {
      const all = JSON.parse(sessionStorage.getItem(SCROLLS) ?? '{}') as Record<string, number>;
      all[entryKey()] = window.scrollY;
      sessionStorage.setItem(SCROLLS, JSON.stringify(all));
    } catch {
      /* no session storage: Back starts at the top */
    }
  }, 150);
});
history.scrollRestoration = 'manual';

async function route(): Promise<void> {
  leavePage();
  const hash = location.hash.replace(/^#\/?/, '');
  const [page, arg] = hash.split('/');
  const y = savedScroll(entryKey());
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
  if (y) requestAnimationFrame(() => window.scrollTo(0, y));
}

window.addEventListener('hashchange', () => void route());
// Another tab solved something: the home page shows it.
window.addEventListener('storage', () => {
  if (!location.hash.replace(/^#\/?/, '')) home();
});
void route();
