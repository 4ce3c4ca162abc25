import { Text, View } from '@tarojs/components';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../../components/a11y';
import { LoadError, Loading } from '../../../../components/load-state';
import type { CatalogState } from '../../../../hooks/use-catalog';
import { B } from '../../../texts';

/** Step 1: which service, from the catalogue, one big row each. */
export function ServiceStep({ catalog, retry, chosen, onChoose }: { catalog: CatalogState; retry: () => void; chosen?: AgencyService; onChoose: (s: AgencyService) => void }) {
  return (
    <View>
      <Text className='hint'>{B.book.serviceHint}</Text>
      {catalog.status === 'loading' ? <Loading /> : null}
      {catalog.status === 'error' ? <LoadError title={B.book.slotsFailed} message={catalog.message} onRetry={retry} /> : null}
      {catalog.status === 'ready' ? (
        <View {...a11y('list', B.book.steps[0])}>
          {catalog.catalog.services.map((svc) => (
            <View key={svc.code} className={`bk-option${svc.code === chosen?.code ? ' bk-option--on' : ''}`} {...a11y('button', svc.name)} onClick={() => onChoose(svc)}>
              <View className='bk-option-body'>
                <Text className='bk-option-title'>{svc.name}</Text>
                <Text className='bk-option-sub'>{`${B.book.agency(svc.agency)} · ${B.book.visitLength(svc.visitMinutes)}`}</Text>
                {svc.eligibility ? <Text className='bk-option-sub'>{B.book.eligibility(svc.eligibility)}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
