/**
 * GOV.UK task list: one row per section of the publication gate, each with a status the gate
 * derives (readiness.ts sectionStatus), never one stored separately.
 */
import { Link } from "@remix-run/react";
import type { SectionStatus } from "~/proposals/readiness";

export type TaskRow = { key: string; title: string; href: string; status: SectionStatus; hint?: string };

const STATUS: Record<SectionStatus, { text: string; tag?: string }> = {
  completed: { text: "Completed" },
  in_progress: { text: "In progress", tag: "govuk-tag--light-blue" },
  not_started: { text: "Not yet started", tag: "govuk-tag--blue" },
  cannot_start: { text: "Cannot start yet" },
};

export function TaskList({ tasks, linked = true }: { tasks: TaskRow[]; linked?: boolean }) {
  return (
    <ul className="govuk-task-list" data-testid="task-list">
      {tasks.map((task) => {
        const status = STATUS[task.status];
        const statusId = `task-${task.key}-status`;
        const hintId = `task-${task.key}-hint`;
        const withLink = linked && task.status !== "cannot_start";
        return (
          <li key={task.key} className={`govuk-task-list__item${withLink ? " govuk-task-list__item--with-link" : ""}`} data-task={task.key} data-status={task.status}>
            <div className="govuk-task-list__name-and-hint">
              {withLink ? (
                <Link className="govuk-link govuk-task-list__link" to={task.href} aria-describedby={task.hint ? `${hintId} ${statusId}` : statusId}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint ? (
                <div id={hintId} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              ) : null}
            </div>
            <div className={`govuk-task-list__status${task.status === "cannot_start" ? " govuk-task-list__status--cannot-start-yet" : ""}`} id={statusId}>
              {status.tag ? <strong className={`govuk-tag ${status.tag}`}>{status.text}</strong> : status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
