import { inArray } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { tasks } from "../../../db/schema.js";
import { periodOf } from "../../../domain/reporting-periods.js";
import { type Actor, unitScopeOf } from "../../../domain/scope.js";
import { acceptsReports, availableActions, OPEN_STATES } from "../../../domain/task-states.js";
import { idParams } from "../../../schemas/common.js";
import {
  lightOverride,
  reportCreate,
  reportOut,
  taskBatchCreate,
  taskBatchOut,
  taskCreate,
  taskListQuery,
  taskOut,
  taskPage,
  taskTransition,
  taskUpdate,
} from "../../../schemas/tasks.js";
import { todayIso } from "../../clock.js";
import { createTask } from "../../commands/create-task.js";
import { overrideLight } from "../../commands/override-light.js";
import { stepTask } from "../../commands/step-task.js";
import { updateTask } from "../../commands/update-task.js";
import type { ActingContext, RequestContext } from "../../context.js";
import { HttpError } from "../../errors.js";
import { keptCount } from "../../lag-cache.js";
import { authorize, can } from "../../policies/index.js";
import { sidesOf } from "../../policies/task.js";
import { presentReport, presentTask, presentTaskSummary } from "../../presenters/task.js";
import { taskDetail } from "../../queries/task-detail.js";
import { type LoadedTask, listTasks, loadTask, scopedTask, taskRow, taskSummaries } from "../../queries/tasks.js";
import { ReportIntake } from "../../report-intake.js";
import type { RoutePlugin } from "../types.js";

const tags = ["tasks"];

/** The task page as the actor sees it, with the buttons they may press (`loaded`: the task just read for the policy). */
export async function taskView(db: Queryable, id: string, actor: Actor, loaded?: LoadedTask) {
  const task = loaded ?? (await loadTask(db, id));
  const scoped = scopedTask(task);
  const sides = sidesOf(actor, scoped);
  const open = (OPEN_STATES as string[]).includes(task.state);
  const detail = await taskDetail(db, task, unitScopeOf(actor));
  return presentTask(detail, {
    description: task.description,
    cadence: task.cadence,
    lightOverrideReason: task.lightOverrideReason,
    currentPeriod: periodOf(todayIso(), task.cadence).key,
    abilities: {
      actions: availableActions(task.state, sides),
      edit: can(actor, "task", "update", scoped) && open,
      report: can(actor, "task", "report", scoped) && acceptsReports(task.state),
      note: can(actor, "task", "note", scoped) && open,
      review: can(actor, "task", "review", scoped),
      overrideLight: can(actor, "task", "overrideLight", scoped) && open,
      decompose: can(actor, "task", "create") && sides.length > 0 && open,
      milestones: can(actor, "task", "milestone", scoped) && open,
    },
  });
}

/** A stale edit answers 409 with the record as it stands now, so the client can show what changed. */
async function withCurrent<T>(db: Queryable, ctx: RequestContext, id: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HttpError && e.message === "stale_version" && ctx.actor)
      e.extra = { current: await taskView(db, id, ctx.actor) };
    throw e;
  }
}

export const taskRoutes: RoutePlugin = async (app, { database, lagCache }) => {
  const { db } = database;
  // The embedded database has one connection: a second round would only queue behind the first.
  const intake = new ReportIntake(db, {
    roundsAtOnce: database.kind === "postgres" ? 2 : 1,
    onRoundFailed: (error) => app.log.warn({ err: error }, "a round of reports failed as a whole; its reports land one by one"),
  });

  app.get("/api/tasks", { schema: { tags, querystring: taskListQuery, response: { 200: taskPage } } }, async (req) => {
    authorize(req.ctx, "task", "list");
    const actor = req.ctx.actor;
    // The count is kept a few seconds for lag (paging on does not count again); rows are always fresh.
    const page = await listTasks(db, req.query, unitScopeOf(actor), keptCount(lagCache, "tasks", actor, req.query));
    return { ...page, items: page.items.map(presentTaskSummary) };
  });

  /** Loads the parent of a sub-task and checks the actor may decompose it (its office or its lead unit). */
  async function parentFor(tx: Queryable, ctx: ActingContext, parentId: string | null) {
    if (!parentId) return null;
    const parent = await loadTask(tx, parentId).catch(() => {
      throw new HttpError(400, "validation", "invalid_input", [{ field: "parentId", message: "task_missing" }]);
    });
    authorize(ctx, "task", "step", scopedTask(parent));
    return taskRow(parent);
  }

  app.post("/api/tasks", { schema: { tags, body: taskCreate, response: { 201: taskOut } } }, async (req, reply) => {
    authorize(req.ctx, "task", "create");
    const ctx = req.ctx as ActingContext;
    const id = await db.transaction(async (tx) => {
      const parent = await parentFor(tx, ctx, req.body.parentId);
      return (await createTask(ctx, { ...req.body, parent }, tx)).id;
    });
    return reply.code(201).send(await taskView(db, id, ctx.actor));
  });

  // Several tasks at once, as when a directive is decomposed for several lead units: all or none.
  app.post(
    "/api/tasks/batch",
    { schema: { tags, body: taskBatchCreate, response: { 201: taskBatchOut } } },
    async (req, reply) => {
      authorize(req.ctx, "task", "create");
      const ctx = req.ctx as ActingContext;
      const ids = await db.transaction(async (tx) => {
        const out: string[] = [];
        for (const [i, input] of req.body.tasks.entries()) {
          const parent = await parentFor(tx, ctx, input.parentId);
          out.push((await createTask(ctx, { ...input, parent }, tx, `tasks.${i}.`)).id);
        }
        return out;
      });
      const items = await taskSummaries(db, inArray(tasks.id, ids));
      return reply.code(201).send({ items: items.map(presentTaskSummary) });
    },
  );

  app.get("/api/tasks/:id", { schema: { tags, params: idParams, response: { 200: taskOut } } }, async (req) => {
    const task = await loadTask(db, req.params.id);
    authorize(req.ctx, "task", "read", scopedTask(task));
    return taskView(db, task.id, req.ctx.actor, task);
  });

  app.patch(
    "/api/tasks/:id",
    { schema: { tags, params: idParams, body: taskUpdate, response: { 200: taskOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await withCurrent(db, ctx, req.params.id, () =>
        db.transaction(async (tx) => {
          const task = await loadTask(tx, req.params.id);
          authorize(ctx, "task", "update", scopedTask(task));
          await updateTask(ctx, { task: { ...taskRow(task), coUnitIds: task.coUnitIds }, patch: req.body }, tx);
        }),
      );
      return taskView(db, req.params.id, ctx.actor);
    },
  );

  app.post(
    "/api/tasks/:id/steps",
    { schema: { tags, params: idParams, body: taskTransition, response: { 200: taskOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await withCurrent(db, ctx, req.params.id, () =>
        db.transaction(async (tx) => {
          const task = await loadTask(tx, req.params.id);
          authorize(ctx, "task", "read", scopedTask(task));
          authorize(ctx, "task", "step", scopedTask(task));
          await stepTask(ctx, { task: taskRow(task), sides: sidesOf(ctx.actor, scopedTask(task)), ...req.body }, tx);
        }),
      );
      return taskView(db, req.params.id, ctx.actor);
    },
  );

  app.post(
    "/api/tasks/:id/light",
    { schema: { tags, params: idParams, body: lightOverride, response: { 200: taskOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await withCurrent(db, ctx, req.params.id, () =>
        db.transaction(async (tx) => {
          const task = await loadTask(tx, req.params.id);
          authorize(ctx, "task", "overrideLight", scopedTask(task));
          await overrideLight(ctx, { task: taskRow(task), ...req.body }, tx);
        }),
      );
      return taskView(db, req.params.id, ctx.actor);
    },
  );

  app.post(
    "/api/tasks/:id/reports",
    { schema: { tags, params: idParams, body: reportCreate, response: { 201: reportOut } } },
    async (req, reply) => {
      const ctx = req.ctx as ActingContext;
      // Checked, written and committed with whatever other reports arrive meanwhile (report-intake.ts).
      return reply.code(201).send(presentReport(await intake.submit(ctx, req.params.id, req.body)));
    },
  );
};
