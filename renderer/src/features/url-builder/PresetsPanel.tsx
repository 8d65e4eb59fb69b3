import { useState } from 'react';
import { describeError } from '../../api/errors';
import { useDeletePreset, usePresets, useSavePreset } from '../../api/urls';
import { useUrlBuilderStore } from './builder-store';
import { toDraft } from './draft';

/** Presets of this profile: save the current steps and options under a name, apply one to the current file. */
export function PresetsPanel() {
  const presets = usePresets();
  const save = useSavePreset();
  const remove = useDeletePreset();
  const load = useUrlBuilderStore((s) => s.load);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState('');
  const [message, setMessage] = useState('');
  const chosen = presets.data?.find((p) => p.id === selected);

  const saveCurrent = async () => {
    const state = useUrlBuilderStore.getState();
    // The chain being edited: the thumbnail's own in thumbnail mode, else the image's or video's.
    const { src: _src, ...options } = toDraft({ ...state, steps: state.mode === 'thumbnail' ? state.thumbSteps : state.steps });
    void _src;
    try {
      const preset = await save.mutateAsync({ name, options });
      setSelected(preset.id);
      setMessage(`Saved preset “${preset.name}”.`);
      setName('');
    } catch (error) {
      setMessage(describeError(error));
    }
  };

  return (
    <fieldset className="ub-presets">
      <legend>Presets</legend>
      <div className="ub-row">
        <label htmlFor="ub-preset">Preset</label>
        <select id="ub-preset" value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">{presets.data?.length ? 'Choose a preset…' : 'No presets yet'}</option>
          {presets.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!chosen} onClick={() => chosen && (load(chosen.options), setMessage(`Applied preset “${chosen.name}”.`))}>
          Apply preset
        </button>
        <button
          type="button"
          disabled={!chosen || remove.isPending}
          onClick={() => chosen && remove.mutate(chosen.id, { onSuccess: () => (setSelected(''), setMessage(`Deleted preset “${chosen.name}”.`)), onError: (e) => setMessage(describeError(e)) })}
        >
          Delete preset
        </button>
      </div>
      <div className="ub-row">
        <label htmlFor="ub-preset-name">Preset name</label>
        <input id="ub-preset-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" disabled={!name.trim() || save.isPending} onClick={() => void saveCurrent()}>
          Save as preset
        </button>
      </div>
      <p role="status" aria-label="Presets status" className="ub-note">
        {presets.error ? describeError(presets.error) : message}
      </p>
    </fieldset>
  );
}
