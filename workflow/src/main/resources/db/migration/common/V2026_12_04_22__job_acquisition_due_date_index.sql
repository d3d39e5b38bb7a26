-- Job acquisition (jobExecutorAcquireByDueDate) orders ACT_RU_JOB by DUEDATE_, which Camunda's own
-- schema does not index: every journey waits on timers, so without this each acquisition read grew
-- with the running journeys (12.6% of the samples with 4k waiting timers, bench finding 5).
-- ensureJobDueDateNotNull (onboarding-workflow-defaults.yml) gives every new job a due date, so the
-- acquisition query is a plain range on DUEDATE_ that the index answers in order; the jobs created
-- before it (async continuations and messages, due now) get one here, or acquisition would skip them.
-- Camunda's tables exist by now: Flyway created them in 2026.12.03.10 (schema.CamundaSchemaMigration).
update ACT_RU_JOB set DUEDATE_ = current_timestamp where DUEDATE_ is null;
create index if not exists ONB_IDX_RU_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_);
