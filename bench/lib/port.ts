import net from "node:net";

/**
 * Throws when something already listens at `url`'s port. A server left over from an interrupted run
 * would otherwise answer the readiness check in place of the one just started (which then fails to
 * bind), and the benchmark would measure the wrong process.
 */
export async function refuseIfTaken(url: string, what: string) {
  const { hostname, port } = new URL(url);
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (taken) throw new Error(`Port ${port} is already in use (a ${what} left from an earlier run?): stop it first.`);
}
