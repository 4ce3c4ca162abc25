import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import type { Draft } from '../../../services/draft-store';

export type DraftChange = (change: (d: Draft) => Draft) => void;

export interface StepProps {
  item: CatalogItem;
  draft: Draft;
  change: DraftChange;
}
