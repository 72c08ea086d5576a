import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/format';
import { useLiveQuery } from '@/lib/panel/live';
import { open } from '@/lib/panel/router';
import { allOpenTasks } from '@/lib/panel/queries/tasks';
import { isOverdue } from '@/lib/panel/view/tasks';
import { completeWithUndo, snoozeWithUndo } from '@/lib/panel/commands/tasks';
import { withUndo } from '@/lib/panel/commands/log';
import { Dialog } from './Dialog';
import { TaskForm } from './QuickForms';

/** Open tasks by due date, overdue first and highlighted; done and snooze from the keyboard. */
export function TasksView() {
  const data = useLiveQuery(allOpenTasks, []);
  const [adding, setAdding] = useState(false);
  const now = new Date();
  const tasks = data.value;
  const done = (id: string) => withUndo(() => completeWithUndo(id, new Date()), t('task.completed'));
  const snooze = (id: string) => withUndo(() => snoozeWithUndo(id, 60, new Date()), t('task.snoozed'));
  return (
    <section aria-labelledby="tasks-view-title">
      <div class="section-head">
        <h2 id="tasks-view-title">{t('nav.tasks')}</h2>
        <button type="button" class="primary" onClick={() => setAdding(true)}>
          {t('task.add')}
        </button>
      </div>
      {!tasks ? (
        <p class="muted">{t('common.loading')}</p>
      ) : tasks.length === 0 ? (
        <p class="empty">{t('task.emptyView')}</p>
      ) : (
        <ul class="plain task-list" aria-labelledby="tasks-view-title" data-testid="task-list">
          {tasks.map((task) => {
            const late = isOverdue(task, now);
            return (
              <li class={`task${late ? ' overdue' : ''}`} data-testid="task">
                <div>
                  <strong>{task.title}</strong>
                  {task.dueAt && (
                    <div class={late ? 'error' : 'muted'}>
                      {late && <span class="chip">{t('task.overdue')}</span>}
                      {formatDateTime(task.dueAt)}
                    </div>
                  )}
                  {(task.contactId || task.accountId) && (
                    <button
                      type="button"
                      class="link"
                      onClick={() => open(task.contactId ? { name: 'contact', id: task.contactId } : { name: 'account', id: task.accountId! })}
                    >
                      {t('task.openRelated')}
                    </button>
                  )}
                </div>
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => void snooze(task.id)}>
                    {t('task.snooze')}
                  </button>
                  <button type="button" class="secondary" onClick={() => void done(task.id)} aria-label={t('task.done', { title: task.title })}>
                    {t('task.doneShort')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {adding && (
        <Dialog title={t('task.add')} onClose={() => setAdding(false)}>
          <TaskForm related={{ accountId: null, contactId: null }} onDone={() => setAdding(false)} />
        </Dialog>
      )}
    </section>
  );
}
