import { useState } from 'react';
import { Text, Textarea, Input, View } from '@tarojs/components';
import type { CaseActionType } from '@gridtong/shared/case/actions';
import { a11y } from '../../components/a11y';
import { ChipRow, ChoiceChip } from '../../components/chip';
import { PhotoUploader } from '../../components/photo-uploader';
import type { DraftPhoto } from '../../services/draft-store';
import { ACTION_FORMS, addDays, DAY_OFFSETS, departmentOptions, endOfWorkday, formatTime, type StaffActionInput, type WorkCaseView } from '../services/desk-model';
import { W } from '../texts';

export interface ActionFormProps {
  type: CaseActionType;
  label: string;
  detail: WorkCaseView;
  now: number;
  busy: boolean;
  /** The server's refusal, shown under the form. */
  error?: string;
  onSubmit: (action: StaffActionInput) => void;
  onCancel: () => void;
}

/** Result and check photos per action; the schema allows 9, a phone screen shows 4 well. */
const MAX_PHOTOS = 4;

/** Taro's input events carry the text in detail.value; the element's own DOM event (H5) carries none. */
function typed(e: { detail?: { value?: unknown } }, set: (value: string) => void): void {
  const value = e.detail?.value;
  if (typeof value === 'string') set(value);
}

/** A choice whose label is its text. */
function Choice({ on, label, onPick }: { on: boolean; label: string; onPick: () => void }) {
  return <ChoiceChip on={on} label={label} onPick={onPick}>{label}</ChoiceChip>;
}

/** One action's short form: only what that action needs, checked before it is sent. */
export function ActionForm({ type, label, detail, now, busy, error, onSubmit, onCancel }: ActionFormProps) {
  const spec = ACTION_FORMS[type] ?? {};
  const defaults = detail.dispatchDefaults;
  const [text, setText] = useState('');
  const [departmentId, setDepartmentId] = useState(defaults?.departmentId ?? detail.routing.departmentId ?? '');
  const [deadline, setDeadline] = useState(defaults?.handlingDeadline ?? '');
  const [date, setDate] = useState('');
  const [rejectKind, setRejectKind] = useState<'duplicate' | 'outOfScope'>('outOfScope');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [photoDrafts, setPhotoDrafts] = useState<DraftPhoto[]>([]);
  const [problem, setProblem] = useState<string | undefined>();

  const textRequired = spec.text?.required === true || (spec.rejectKind === true && rejectKind === 'outOfScope');
  const textLabel = spec.text ? (spec.text.field === 'notes' ? W.form.notes : textRequired ? (spec.text.field === 'question' ? W.form.question : W.form.reason) : W.form.note) : '';

  // Date choices: 延期 counts from the deadline now in force, 挂账 from today.
  const dateBase = spec.date === 'until' ? Math.max(Date.parse(detail.deadlines.handlingDeadline ?? '') || now, now) : now;
  const dateChoices = spec.date === 'until'
    ? DAY_OFFSETS.map((n) => ({ label: W.form.daysLater(n), value: addDays(dateBase, n) }))
    : DAY_OFFSETS.map((n) => ({ label: W.form.daysLater(n), value: endOfWorkday(now, n) }));
  const deadlineChoices = defaults
    ? [{ label: `${W.form.defaultDeadline} ${formatTime(defaults.handlingDeadline)}`, value: defaults.handlingDeadline }, ...DAY_OFFSETS.slice(0, 4).map((n) => ({ label: W.form.daysLater(n), value: addDays(defaults.handlingDeadline, n) }))]
    : DAY_OFFSETS.map((n) => ({ label: W.form.daysLater(n), value: endOfWorkday(now, n) }));

  const build = (): StaffActionInput | string => {
    if (photoDrafts.some((p) => p.status !== 'uploaded')) return W.form.photosPending;
    const photos = photoDrafts.flatMap((p) => (p.key ? [p.key] : []));
    const t = text.trim();
    if (textRequired && t === '') return W.form.required;
    const opt = t === '' ? undefined : t;
    switch (type) {
      case 'reject':
        if (rejectKind === 'duplicate') {
          if (duplicateOf.trim() === '') return W.form.duplicateMissing;
          return { type, kind: 'duplicate', duplicateOf: duplicateOf.trim(), note: opt };
        }
        return { type, kind: 'outOfScope', note: t };
      case 'requestInfo':
        return { type, question: t };
      case 'dispatch':
        if (!departmentId) return W.form.pickDepartment;
        if (!deadline) return W.form.pickDate;
        return { type, departmentId, handlingDeadline: deadline, note: opt };
      case 'return':
      case 'denyExtension':
      case 'denyReopen':
        return { type, reason: t };
      case 'requestExtension':
        if (!date) return W.form.pickDate;
        return { type, until: date, reason: t };
      case 'suspend':
        if (!date) return W.form.pickDate;
        return { type, reason: t, reviewDate: date };
      case 'handle':
        if (!opt && photos.length === 0) return W.form.handleNeedsContent;
        return { type, notes: opt, photos: photos.length ? photos.map((key) => ({ key })) : undefined };
      case 'checkPass':
        return { type, note: opt, photos: photos.length ? photos.map((key) => ({ key })) : undefined };
      case 'checkFail':
        return { type, reason: t, photos: photos.length ? photos.map((key) => ({ key })) : undefined };
      case 'file':
      case 'accept':
      case 'startHandling':
      case 'approveExtension':
      case 'resume':
      case 'approveReopen':
        return { type, note: opt };
      default:
        return W.detail.noActions;
    }
  };

  const submit = () => {
    const action = build();
    if (typeof action === 'string') {
      setProblem(action);
      return;
    }
    setProblem(undefined);
    onSubmit(action);
  };

  const shown = problem ?? error;
  return (
    <View className='wd-card' {...a11y('form', label)}>
      <Text className='wd-card-title' {...a11y('heading')}>{label}</Text>

      {spec.rejectKind ? (
        <View>
          <Text className='wd-form-label'>{W.form.rejectKind}</Text>
          <ChipRow label={W.form.rejectKind}>
            <Choice on={rejectKind === 'outOfScope'} label={W.form.outOfScope} onPick={() => setRejectKind('outOfScope')} />
            <Choice on={rejectKind === 'duplicate'} label={W.form.duplicate} onPick={() => setRejectKind('duplicate')} />
          </ChipRow>
          {rejectKind === 'duplicate' ? (
            <View>
              <Text className='wd-form-label'>{W.form.duplicateOf}</Text>
              <Input className='wd-input' value={duplicateOf} maxlength={48} placeholder='C…' aria-label={W.form.duplicateOf} onInput={(e) => typed(e, setDuplicateOf)} />
            </View>
          ) : null}
        </View>
      ) : null}

      {spec.dispatch ? (
        <View>
          <Text className='wd-form-label'>{W.form.department}</Text>
          <ChipRow label={W.form.department}>
            {departmentOptions(detail).map((d) => (
              <Choice key={d.id} on={d.id === departmentId} label={d.id === defaults?.departmentId ? `${d.name}（${W.form.suggested}）` : d.name} onPick={() => setDepartmentId(d.id)} />
            ))}
          </ChipRow>
          <Text className='wd-form-label'>{W.form.deadline}</Text>
          <ChipRow label={W.form.deadline}>
            {deadlineChoices.map((c) => <Choice key={c.value} on={c.value === deadline} label={c.label} onPick={() => setDeadline(c.value)} />)}
          </ChipRow>
          {deadline ? <Text className='wd-muted'>{`${W.form.deadline}：${formatTime(deadline)}`}</Text> : null}
        </View>
      ) : null}

      {spec.date ? (
        <View>
          <Text className='wd-form-label'>{spec.date === 'until' ? W.form.until : W.form.reviewDate}</Text>
          <ChipRow label={spec.date === 'until' ? W.form.until : W.form.reviewDate}>
            {dateChoices.map((c) => <Choice key={c.value} on={c.value === date} label={c.label} onPick={() => setDate(c.value)} />)}
          </ChipRow>
          {date ? <Text className='wd-muted'>{formatTime(date)}</Text> : null}
        </View>
      ) : null}

      {spec.text ? (
        <View>
          <Text className='wd-form-label'>{textLabel}</Text>
          <Textarea className='wd-textarea' value={text} maxlength={spec.text.field === 'notes' ? 1000 : 500} placeholder={W.form.textPlaceholder} aria-label={textLabel} onInput={(e) => typed(e, setText)} />
        </View>
      ) : null}

      {spec.photos ? (
        <View>
          <Text className='wd-form-label'>{type === 'handle' ? W.form.resultPhotos : W.form.checkPhotos}</Text>
          <PhotoUploader photos={photoDrafts} update={(change) => setPhotoDrafts(change)} min={0} max={MAX_PHOTOS} />
        </View>
      ) : null}

      {shown ? <Text className='wd-error' {...a11y('alert')}>{shown}</Text> : null}

      <View className='wd-form-buttons'>
        <View className='wd-action wd-action--secondary' {...a11y('button', W.form.cancel)} onClick={busy ? undefined : onCancel}>{W.form.cancel}</View>
        <View className='wd-action' {...a11y('button', W.form.submit(label))} aria-disabled={busy ? 'true' : 'false'} onClick={busy ? undefined : submit}>
          {busy ? W.form.submitting : W.form.submit(label)}
        </View>
      </View>
    </View>
  );
}
