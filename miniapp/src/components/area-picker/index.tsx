import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRequest } from '../../hooks/use-request';
import { call } from '../../services/api';
import type { AreaGrid, AreaNode } from '../../services/api-track';
import { T } from '../../texts';
import { a11y } from '../a11y';
import { LoadError, Loading } from '../load-state';
import './index.css';
import { areaAt } from '@gridtong/shared/schemas/area-levels';

let cachedAreas: ReturnType<typeof call<'list-areas'>> | undefined;
const loadAreas = () => {
  cachedAreas ??= call('list-areas').catch((e: unknown) => {
    cachedAreas = undefined;
    throw e;
  });
  return cachedAreas;
};

function Choice({ node, chosen, onClick }: { node: AreaNode; chosen: boolean; onClick: () => void }) {
  return (
    <View className={`area-choice tap${chosen ? ' area-chosen' : ''}`} {...a11y('radio', node.name)} aria-checked={chosen} onClick={onClick}>
      <Text className='area-name'>{node.name}</Text>
      {node.landmark ? <Text className='area-desc'>{node.landmark}</Text> : null}
    </View>
  );
}

/**
 * 街道 → 社区 → 网格 as lists of large choices, each with its landmark description: a way
 * to name a place without GPS or a map (elderly residents, screen readers, H5).
 */
export function AreaPicker({ selected, onPick }: { selected?: string; onPick: (grid: AreaGrid) => void }) {
  const areas = useRequest(() => loadAreas(), []);
  const [street, setStreet] = useState<string | undefined>(selected && areaAt(selected, 'street'));
  const [community, setCommunity] = useState<string | undefined>(selected && areaAt(selected, 'community'));

  if (areas.state.status === 'loading') return <Loading />;
  if (areas.state.status === 'error') return <LoadError title={T.location.orPick} message={areas.state.error} onRetry={areas.retry} />;
  const streets = areas.state.data.streets;
  const s = streets.find((x) => x.code === street);
  const c = s?.communities.find((x) => x.code === community);

  return (
    <View className='area-picker'>
      <Text className='field-label'>{T.location.street}</Text>
      <View {...a11y('radiogroup', T.location.street)}>
        {streets.map((x) => (
          <Choice key={x.code} node={x} chosen={x.code === street} onClick={() => { setStreet(x.code); setCommunity(undefined); }} />
        ))}
      </View>
      {s ? (
        <>
          <Text className='field-label'>{T.location.community}</Text>
          <View {...a11y('radiogroup', T.location.community)}>
            {s.communities.map((x) => (
              <Choice key={x.code} node={x} chosen={x.code === community} onClick={() => setCommunity(x.code)} />
            ))}
          </View>
        </>
      ) : null}
      {c ? (
        <>
          <Text className='field-label'>{T.location.gridLabel}</Text>
          <View {...a11y('radiogroup', T.location.gridLabel)}>
            {c.grids.map((x) => (
              <Choice key={x.code} node={x} chosen={x.code === selected} onClick={() => onPick(x)} />
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
