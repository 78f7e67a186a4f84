/** A small hash router: '#/oversigt', '#/beregning/<id>/<trin>', '#/viden/<afsnit>'. */
export class Router {
  path = $state(readHash());

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.path = readHash();
      });
    }
  }

  get segments(): string[] {
    return this.path.split('/').filter(Boolean);
  }

  go(path: string): void {
    const target = path.startsWith('/') ? path : `/${path}`;
    if (this.path === target) return;
    this.path = target;
    if (typeof window !== 'undefined') window.location.hash = target;
  }
}

function readHash(): string {
  if (typeof window === 'undefined') return '/oversigt';
  const h = window.location.hash.replace(/^#/, '');
  return h && h !== '/' ? h : '/oversigt';
}

export const router = new Router();
