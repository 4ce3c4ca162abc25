import { Image, Text, View } from '@tarojs/components';
import { a11y } from '../../../components/a11y';
import { T } from '../../../texts';
import type { StepProps } from './types';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='review-row'>
      <Text className='review-label'>{label}</Text>
      <Text className='review-value'>{value}</Text>
    </View>
  );
}

/** Everything the case will say, one last time, before it is sent. */
export function ReviewStep({ item, draft }: StepProps) {
  const photos = draft.photos.filter((p) => p.status === 'uploaded');
  const answered = item.questions.filter((q) => draft.answers[q.code] !== undefined);
  const show = (code: string): string => {
    const q = item.questions.find((x) => x.code === code);
    const a = draft.answers[code];
    if (typeof a === 'boolean') return a ? T.report.yes : T.report.no;
    const label = (v: string) => q?.options?.find((o) => o.value === v)?.label ?? v;
    if (Array.isArray(a)) return a.map(label).join('、');
    return typeof a === 'string' ? label(a) : String(a);
  };
  return (
    <View className='card' {...a11y('region', T.report.reviewTitle)}>
      <Row label={T.report.item} value={`${item.icon} ${item.name}`} />
      <Row label={T.report.location} value={draft.location?.address || T.location.sourceLabel[draft.location?.source ?? 'gps']} />
      <Row label={T.report.grid} value={draft.location?.gridName ?? ''} />
      <Row label={T.report.worker} value={(draft.location?.workerNames ?? []).join('、')} />
      {answered.map((q) => (
        <Row key={q.code} label={q.label} value={show(q.code)} />
      ))}
      {draft.description ? <Row label={T.report.descriptionLabel} value={draft.description} /> : null}
      {item.allowAnonymous ? <Row label={T.report.anonymousLabel} value={draft.anonymous ? T.report.anonymous : T.report.named} /> : null}
      <Row label={T.report.steps.photos} value={T.report.photoCount(photos.length)} />
      <View className='review-photos'>
        {photos.map((p) => (
          <Image key={p.id} className='review-photo' src={p.localPath} mode='aspectFill' />
        ))}
      </View>
    </View>
  );
}
