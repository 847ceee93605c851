{{/* bridge-service's chains (RPC URLs from Secrets) and relayer key (from a Secret), as BRIDGE_* variables. */}}
{{- define "synod.bridgeEnv" -}}
{{- range $i, $c := .Values.chains }}
- name: BRIDGE_CHAINS_{{ $i }}__CHAIN_ID
  value: {{ $c.chainId | int64 | quote }}
- name: BRIDGE_CHAINS_{{ $i }}__NAME
  value: {{ $c.name | quote }}
- name: BRIDGE_CHAINS_{{ $i }}__FINALITY
  value: {{ $c.finality | quote }}
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
{{- with $c.spoke }}
- name: BRIDGE_CHAINS_{{ $i }}__SPOKE
  value: {{ . | quote }}
- name: BRIDGE_CHAINS_{{ $i }}__START_BLOCK
  value: {{ $c.startBlock | default 0 | int64 | quote }}
{{- end }}
{{- with $c.vaults }}
- name: BRIDGE_CHAINS_{{ $i }}__VAULTS
  value: {{ join "," . | quote }}
{{- end }}
{{- with $c.nativeSymbol }}
- name: BRIDGE_CHAINS_{{ $i }}__NATIVE_SYMBOL
  value: {{ . | quote }}
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
