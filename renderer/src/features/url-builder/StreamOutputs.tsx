import { useState } from 'react';
import type { UrlDraft } from '../../../../shared/domain/urls';
import { CopyField } from './CopyField';
import { reactStreamSnippet } from './react-snippets';
import { PLAYER_LABELS, playerSnippet, playersFor, type StreamPlayer } from './video-output-formats';

export interface StreamOutputsProps {
  hlsUrl: string;
  dashUrl: string;
  protocol: 'hls' | 'dash';
  poster?: string;
  /** The chosen protocol's manifest as an SDK draft, and the profile's URL endpoint, for the React code. */
  draft?: UrlDraft;
  urlEndpoint?: string;
  copy(label: string, text: string): void;
}

/** Both manifests of the stream, a player page and React code for the chosen protocol, each with a copy button. */
export function StreamOutputs({ hlsUrl, dashUrl, protocol, poster, draft, urlEndpoint, copy }: StreamOutputsProps) {
  const [chosen, setChosen] = useState<StreamPlayer>('hls.js');
  const players = playersFor(protocol);
  const player = players.includes(chosen) ? chosen : players[0];
  const url = protocol === 'hls' ? hlsUrl : dashUrl;
  const snippet = url ? playerSnippet(player, url, protocol, poster) : '';
  const react = url && draft && urlEndpoint ? reactStreamSnippet(draft, urlEndpoint, url, protocol, poster) : '';

  return (
    <>
      <CopyField label="HLS URL" value={hlsUrl} onCopy={() => copy('HLS URL', hlsUrl)} />
      <CopyField label="DASH URL" value={dashUrl} onCopy={() => copy('DASH URL', dashUrl)} />
      <div className="ub-field">
        <label htmlFor="ub-player">Player</label>
        <select id="ub-player" value={player} onChange={(e) => setChosen(e.target.value as StreamPlayer)}>
          {players.map((p) => (
            <option key={p} value={p}>
              {PLAYER_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <CopyField label="Player snippet" value={snippet} onCopy={() => copy('player snippet', snippet)} />
      <CopyField label="React" value={react} onCopy={() => copy('React', react)} />
    </>
  );
}
