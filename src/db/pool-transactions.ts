/**
 * drizzle-orm 0.45 sends a transaction's `begin` before its try/finally: when the connection is
 * lost at that moment the client never goes back to the pool, and after a few faults the pool
 * has no clients left and every request waits (found by the database-down fault test). This
 * replaces NodePgSession's transaction with the same steps, `begin` inside, and a client that
 * failed handed back as broken so the pool drops it instead of lending it again.
 */
import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import pg from "pg";

interface SessionInternals {
  client: pg.Pool | pg.PoolClient | pg.Client;
  dialect: ConstructorParameters<typeof NodePgTransaction>[0];
  schema: ConstructorParameters<typeof NodePgTransaction>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
}

/** Drizzle's own rendering of isolation level and access mode (not in its public types). */
interface ConfigSql {
  getTransactionConfigSQL(config: PgTransactionConfig): ReturnType<typeof sql>;
}

let installed = false;

export function releaseClientsOnFailedBegin(): void {
  if (installed) return;
  installed = true;
  NodePgSession.prototype.transaction = async function transaction<T>(
    this: SessionInternals,
    run: (tx: NodePgTransaction<never, never>) => Promise<T>,
    config?: PgTransactionConfig,
  ): Promise<T> {
    const pooled = this.client instanceof pg.Pool;
    const client = pooled ? await (this.client as pg.Pool).connect() : null;
    const session = client
      ? new NodePgSession(client, this.dialect, this.schema, this.options)
      : (this as unknown as NodePgSession<never, never>);
    const tx = new NodePgTransaction(this.dialect, session as never, this.schema);
    // A client whose `begin` or `rollback` failed is handed back broken: the pool closes it.
    let broken: Error | undefined;
    try {
      await tx.execute(sql`begin${config ? sql` ${(tx as unknown as ConfigSql).getTransactionConfigSQL(config)}` : undefined}`);
    } catch (error) {
      client?.release(error as Error);
      throw error;
    }
    try {
      const result = await run(tx as never);
      await tx.execute(sql`commit`);
      return result;
    } catch (error) {
      await tx.execute(sql`rollback`).catch((e: Error) => {
        broken = e;
      });
      throw error;
    } finally {
      client?.release(broken);
    }
  } as never;
}
