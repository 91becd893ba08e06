import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../shared/api/tracing.schema.ts';
import { can } from '../../../shared/policy/grants.ts';
import { tracingApi, type TracingRequest } from '../../api/tracing-api.ts';
import { FactList, type Fact } from '../../components/FactList.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useCountryName } from '../../lib/countries.ts';
import { errorCode } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../router/Link.tsx';
import { useUser } from '../../session/session-context.ts';
import { tracingFailure } from './tracing-errors.ts';
import { TracingCandidates } from './TracingCandidates.tsx';
import { TracingSteps } from './TracingSteps.tsx';
import { useTracingLabels } from './use-tracing-labels.ts';
import '../duplicates/reunite.css';

/**
 * /tracing/:id — one tracing request: the person sought and the enquirer (read here only, and
 * the read is audited), the candidates with their explanations, the steps after a match, and
 * the history.
 */
export function TracingRequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const { state, set } = useResource(`tracing/${id}`, () => tracingApi.get(id));
  const [status, setStatus] = useState<string | null>(null);

  const back = (
    <p>
      <Link to="/tracing">{t('tracing.list.back')}</Link>
    </p>
  );
  if (state.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.status === 'error') {
    const missing = ['not_found', 'validation_failed'].includes(errorCode(state.error) ?? '');
    return (
      <>
        {back}
        <PageHeading title={t('tracing.detail.notFoundTitle')} />
        <FormAlert
          message={missing ? t('tracing.errors.notFound') : tracingFailure(t, state.error)}
        />
      </>
    );
  }
  const r = state.data;
  const changed = (updated: TracingRequest, message: string) => {
    set(updated);
    setStatus(message);
  };
  return (
    <>
      {back}
      <PageHeading title={t('tracing.detail.title', { reference: r.reference })} />
      <StatusMessage message={status} />
      <RequestFacts request={r} />
      <TracingCandidates request={r} mayWrite={can(role, 'tracing:write')} onChanged={changed} />
      <TracingSteps
        request={r}
        mayWrite={can(role, 'tracing:write')}
        mayDecide={can(role, 'tracing:decide')}
        onChanged={changed}
      />
      <TracingHistory request={r} />
    </>
  );
}

function RequestFacts({ request: r }: { request: TracingRequest }) {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  const country = useCountryName();
  const s = r.sought;
  const e = r.enquirer;
  const none = t('common.notRecorded');
  const name = (v: string | undefined) => (v ? <bdi dir="auto">{v}</bdi> : none);
  const place = (p: Place | undefined) =>
    p ? (
      <bdi>
        {[p.locality, p.adminArea, p.country ? country(p.country) : undefined]
          .filter(Boolean)
          .join(t('common.listSeparator')) || none}
      </bdi>
    ) : (
      none
    );
  const sought: Fact[] = [
    { label: t('tracing.form.givenName'), value: name(s.givenName) },
    { label: t('tracing.form.familyName'), value: name(s.familyName) },
    {
      label: t('tracing.form.aliases'),
      value:
        s.aliases && s.aliases.length > 0 ? (
          <ul className="plain-list">
            {s.aliases.map((a, i) => (
              <li key={i}>
                <bdi dir="auto">{a}</bdi>
              </li>
            ))}
          </ul>
        ) : (
          none
        ),
    },
    { label: t('tracing.form.sex'), value: s.sex ? labels.sex(s.sex) : none },
    {
      label: t('tracing.form.dateOfBirth'),
      value: s.dateOfBirth ? <bdi dir="ltr">{s.dateOfBirth}</bdi> : none,
    },
    { label: t('tracing.form.age'), value: s.age ?? none },
    { label: t('tracing.fields.child'), value: labels.child(r.soughtIsChild) },
    ...(s.places ?? []).map((p, i) => ({
      label: t('tracing.detail.knownPlace', { n: i + 1 }),
      value: place(p),
    })),
    {
      label: t('tracing.form.relationship'),
      value: labels.relationship(s.relationshipToEnquirer),
    },
  ];
  const separation: Fact[] = [
    {
      label: t('tracing.form.separationDate'),
      value: s.separation?.date ? <bdi dir="ltr">{s.separation.date}</bdi> : none,
    },
    { label: t('tracing.detail.separationPlace'), value: place(s.separation?.place) },
    {
      label: t('tracing.form.circumstances'),
      value: s.separation?.circumstances ? (
        <span className="case-log__text" dir="auto">
          {s.separation.circumstances}
        </span>
      ) : (
        none
      ),
    },
  ];
  const enquirer: Fact[] = [
    { label: t('tracing.form.enquirerName'), value: name(e.name) },
    { label: t('tracing.form.enquirerKind'), value: labels.enquirerKind(e.kind) },
    ...(e.organisation
      ? [{ label: t('tracing.form.organisation'), value: name(e.organisation) }]
      : []),
    { label: t('tracing.form.phone'), value: e.phone ? <bdi dir="ltr">{e.phone}</bdi> : none },
    { label: t('tracing.form.email'), value: e.email ? <bdi dir="ltr">{e.email}</bdi> : none },
    { label: t('tracing.form.address'), value: name(e.address) },
    { label: t('tracing.form.preferredLanguage'), value: name(e.preferredLanguage) },
  ];
  return (
    <>
      <section aria-labelledby="tracing-summary-heading" className="section">
        <h2 id="tracing-summary-heading">{t('tracing.detail.summary')}</h2>
        <FactList
          facts={[
            {
              label: t('tracing.fields.status'),
              value: <span className="reunite-badge">{labels.status(r.status)}</span>,
            },
            {
              label: t('tracing.fields.createdAt'),
              value: (
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, i18n.language)}</time>
              ),
            },
            {
              label: t('tracing.fields.lastSearchedAt'),
              value: r.lastSearchedAt ? (
                <time dateTime={r.lastSearchedAt}>
                  {formatDateTime(r.lastSearchedAt, i18n.language)}
                </time>
              ) : (
                t('tracing.detail.neverSearched')
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="tracing-sought-heading" className="section">
        <h2 id="tracing-sought-heading">{t('tracing.form.soughtSection')}</h2>
        <FactList facts={sought} />
        <h3>{t('tracing.form.separationSection')}</h3>
        <FactList facts={separation} />
      </section>
      <section aria-labelledby="tracing-enquirer-heading" className="section">
        <h2 id="tracing-enquirer-heading">{t('tracing.form.enquirerSection')}</h2>
        <FactList facts={enquirer} />
      </section>
    </>
  );
}

function TracingHistory({ request: r }: { request: TracingRequest }) {
  const { t, i18n } = useTranslation();
  const labels = useTracingLabels();
  return (
    <section aria-labelledby="tracing-history-heading" className="section">
      <h2 id="tracing-history-heading">{t('tracing.history.title')}</h2>
      <ol className="case-log">
        {r.history.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <p className="case-log__title">
              <strong>{labels.event(e.action)}</strong> · {labels.status(e.to)}
            </p>
            <p className="case-log__meta">
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>{' '}
              {e.by ? (
                <>
                  {t('tracing.history.by')} <bdi>{e.by.displayName}</bdi>
                </>
              ) : (
                t('tracing.history.byLantern')
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
