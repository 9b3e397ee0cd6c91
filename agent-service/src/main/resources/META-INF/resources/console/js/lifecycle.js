// What the page in view has started (timers, subscriptions), stopped together when another page replaces it.

let disposers = [];

export function onDispose(dispose) {
  disposers.push(dispose);
}

export function disposeAll() {
  const running = disposers;
  disposers = [];
  for (const dispose of running) dispose();
}
