{{/* bridge-service's chains, as BRIDGE_* configuration (what is not secret). */}}
{{- define "synod.bridgeConfig" -}}
{{- range $i, $c := .Values.chains }}
BRIDGE_CHAINS_{{ $i }}__CHAIN_ID: {{ $c.chainId | int64 | quote }}
BRIDGE_CHAINS_{{ $i }}__NAME: {{ $c.name | quote }}
BRIDGE_CHAINS_{{ $i }}__FINALITY: {{ $c.finality | quote }}
{{- with $c.spoke }}
BRIDGE_CHAINS_{{ $i }}__SPOKE: {{ . | quote }}
BRIDGE_CHAINS_{{ $i }}__START_BLOCK: {{ $c.startBlock | default 0 | int64 | quote }}
{{- end }}
{{- with $c.vaults }}
BRIDGE_CHAINS_{{ $i }}__VAULTS: {{ join "," . | quote }}
{{- end }}
{{- with $c.nativeSymbol }}
BRIDGE_CHAINS_{{ $i }}__NATIVE_SYMBOL: {{ . | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* bridge-service's secrets: RPC and WebSocket URLs (they carry provider keys) and the relayer key. */}}
{{- define "synod.bridgeSecretEnv" -}}
{{- range $i, $c := .Values.chains }}
- name: BRIDGE_CHAINS_{{ $i }}__RPC_URLS
  valueFrom:
    secretKeyRef:
      name: {{ $c.rpcSecret.name }}
      key: {{ $c.rpcSecret.key }}
{{- with $c.wsSecret }}
- name: BRIDGE_CHAINS_{{ $i }}__WS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
{{- end }}
{{- end }}
{{- with .Values.bridge.relayerKeySecret.name }}
- name: BRIDGE_RELAYER_PRIVATE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.bridge.relayerKeySecret.key }}
{{- end }}
{{- end -}}
