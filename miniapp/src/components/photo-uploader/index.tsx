import { useEffect, useRef } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { DraftPhoto } from '../../services/draft-store';
import { randomId } from '../../services/ids';
import { platform } from '../../services/platform';
import { uploadPhoto, type PhotoUploadDeps } from '../../services/photo-upload';
import { T } from '../../texts';
import { a11y } from '../a11y';
import './index.css';

export type PhotosUpdate = (change: (photos: DraftPhoto[]) => DraftPhoto[]) => void;

export interface PhotoUploaderProps {
  photos: DraftPhoto[];
  update: PhotosUpdate;
  min: number;
  max: number;
  deps?: PhotoUploadDeps;
}

const patch = (id: string, change: Partial<DraftPhoto>) => (photos: DraftPhoto[]) => photos.map((p) => (p.id === id ? { ...p, ...change } : p));

/**
 * Photos from the phone straight to S3, each with its own progress and retry. Reused by
 * the worker desk (result photos); state lives with the caller (e.g. the draft).
 */
export function PhotoUploader({ photos, update, min, max, deps }: PhotoUploaderProps) {
  const running = useRef(new Set<string>());
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = (photo: DraftPhoto) => {
    if (running.current.has(photo.id)) return;
    running.current.add(photo.id);
    const set = (change: Partial<DraftPhoto>) => live.current && update(patch(photo.id, change));
    set({ status: 'compressing', progress: 0, error: undefined });
    uploadPhoto(photo.localPath, (stage, progress) => set({ status: stage, progress }), deps).then(
      (done) => set({ status: 'uploaded', progress: 100, key: done.key, size: done.size, localPath: done.localPath }),
      (e: unknown) => set({ status: 'failed', progress: 0, error: e instanceof Error ? e.message : T.photos.uploadFailed }),
    ).finally(() => running.current.delete(photo.id));
  };

  // Photos added (or restored) as pending start on their own.
  useEffect(() => {
    for (const p of photos) if (p.status === 'pending') start(p);
    // `start` is new on each render and guards itself (running.current): the photos are the trigger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [photos]);

  const add = async () => {
    const chosen = await platform.choosePhotos(max - photos.length).catch(() => []);
    if (chosen.length === 0) return;
    update((current) => [
      ...current,
      ...chosen.slice(0, Math.max(0, max - current.length)).map((c): DraftPhoto => ({ id: randomId(), localPath: c.path, status: 'pending', progress: 0, size: c.size })),
    ]);
  };

  const remove = (id: string) => update((current) => current.filter((p) => p.id !== id));

  return (
    <View className='photos' {...a11y('group', T.report.steps.photos)}>
      <Text className='hint'>{T.photos.hint(min, max)}</Text>
      <View className='photo-grid'>
        {photos.map((p, i) => (
          <View key={p.id} className={`photo-tile photo-${p.status}`} {...a11y('group', T.photos.photoLabel(i + 1))}>
            <Image
              className='photo-thumb'
              src={p.localPath}
              mode='aspectFill'
              onClick={() => platform.previewImages(photos.map((x) => x.localPath), p.localPath)}
            />
            <Text className='photo-status' {...a11y('status')}>
              {p.status === 'uploaded'
                ? T.photos.uploaded
                : p.status === 'uploading'
                  ? T.photos.uploading(p.progress)
                  : p.status === 'failed'
                    ? p.error === 'interrupted' ? T.photos.interrupted : (p.error ?? T.photos.failed)
                    : T.photos.compressing}
            </Text>
            {p.status === 'uploading' ? (
              <View className='photo-bar' {...a11y('progressbar')} aria-valuenow={p.progress}>
                <View className='photo-bar-fill' style={{ width: `${p.progress}%` }} />
              </View>
            ) : null}
            <View className='photo-actions'>
              {p.status === 'failed' ? (
                <View className='tap photo-action' {...a11y('button', `${T.photos.retry}${T.photos.photoLabel(i + 1)}`)} onClick={() => start(p)}>
                  <Text>{T.photos.retry}</Text>
                </View>
              ) : null}
              {p.status === 'uploaded' || p.status === 'failed' ? (
                <View className='tap photo-action' {...a11y('button', `${T.photos.remove}${T.photos.photoLabel(i + 1)}`)} onClick={() => remove(p.id)}>
                  <Text>{T.photos.remove}</Text>
                </View>
              ) : null}
            </View>
          </View>
        ))}
        {photos.length < max ? (
          <View className='photo-tile photo-add tap' {...a11y('button', T.photos.add)} onClick={() => void add()}>
            <Text className='photo-add-plus'>＋</Text>
            <Text>{T.photos.add}</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
