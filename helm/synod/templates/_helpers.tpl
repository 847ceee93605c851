{{/* Names and labels. */}}
{{- define "synod.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 40 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "synod.componentName" -}}
{{ include "synod.fullname" .root }}-{{ .name }}
{{- end -}}

{{- define "synod.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "synod.labels" -}}
{{ include "synod.selectorLabels" . }}
app.kubernetes.io/part-of: synod
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* <registry>/<repository>:<tag>[-native] */}}
{{- define "synod.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if eq $img.variant "native" }}{{ $tag = printf "%s-native" $tag }}{{ end -}}
{{- if $img.registry }}{{ printf "%s/%s:%s" (trimSuffix "/" $img.registry) .svc.repository $tag }}{{ else }}{{ printf "%s:%s" .svc.repository $tag }}{{ end -}}
{{- end -}}

{{- define "synod.bridgeUrl" -}}
http://{{ include "synod.fullname" . }}-bridge-service
{{- end -}}

{{/* Environment every service shares: port, Kafka, its database, tracing. */}}
{{- define "synod.commonEnv" -}}
- name: QUARKUS_HTTP_PORT
  value: "8080"
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" .root.Values.kafka.bootstrapServers | quote }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ required (printf "%s.database.url is required" .key) .svc.database.url | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s.database.secret is required" .key) .svc.database.secret }}
      key: {{ .svc.database.usernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .svc.database.secret }}
      key: {{ .svc.database.passwordKey }}
- name: JAVA_TOOL_OPTIONS
  value: "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
{{- if .root.Values.tracing.otlpEndpoint }}
- name: QUARKUS_OTEL_SDK_DISABLED
  value: "false"
- name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .root.Values.tracing.otlpEndpoint | quote }}
{{- end }}
{{- range $k, $v := .svc.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* Bearer-token verification for the services with admin and committee endpoints. */}}
{{- define "synod.jwtEnv" -}}
- name: SYNOD_JWT_ISSUER
  value: {{ required "jwt.issuer is required" .root.Values.jwt.issuer | quote }}
- name: MP_JWT_VERIFY_PUBLICKEY
  valueFrom:
    secretKeyRef:
      name: {{ required "jwt.publicKeySecret.name is required" .root.Values.jwt.publicKeySecret.name }}
      key: {{ .root.Values.jwt.publicKeySecret.key }}
{{- end -}}

{{/*
One service: Deployment, Service, PodDisruptionBudget and, when asked, HorizontalPodAutoscaler,
NetworkPolicy and ServiceMonitor. Arguments: root, name (e.g. voting-service), key (values key), svc
(its values), env (its own environment, rendered).
*/}}
{{- define "synod.component" -}}
{{- $fullName := include "synod.componentName" . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
spec:
  {{- if not (and .svc.autoscaling .svc.autoscaling.enabled) }}
  replicas: {{ .svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels:
        {{- include "synod.labels" . | nindent 8 }}
      annotations:
        checksum/env: {{ .env | sha256sum }}
    spec:
      automountServiceAccountToken: false
      {{- with .root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: 30
      containers:
        - name: {{ .name }}
          image: {{ include "synod.image" . }}
          imagePullPolicy: {{ .root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          env:
            {{- include "synod.commonEnv" . | nindent 12 }}
            {{- .env | nindent 12 }}
          startupProbe:
            httpGet: {path: /q/health/started, port: http}
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /q/health/live, port: http}
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /q/health/ready, port: http}
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml .svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml .root.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {sizeLimit: 256Mi}
      {{- with .svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "synod.selectorLabels" . | nindent 14 }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "synod.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
spec:
  {{- if .svc.podDisruptionBudget.maxUnavailable }}
  maxUnavailable: {{ .svc.podDisruptionBudget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .svc.podDisruptionBudget.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
{{- if and .svc.autoscaling .svc.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $fullName }}
  minReplicas: {{ .svc.autoscaling.minReplicas }}
  maxReplicas: {{ .svc.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .svc.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- if .root.Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: synod
              app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- with .root.Values.networkPolicy.ingressFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
  egress:
    - ports:
        - {port: 53, protocol: UDP}
        - {port: 53, protocol: TCP}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: synod
              app.kubernetes.io/instance: {{ .root.Release.Name }}
      ports:
        - {port: http, protocol: TCP}
    {{- with .root.Values.networkPolicy.egressTo }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- if eq .key "bridge" }}
    - to:
        {{- range .root.Values.networkPolicy.rpcEgressCidrs }}
        - ipBlock: {cidr: {{ . | quote }}}
        {{- end }}
      ports:
        {{- range .root.Values.networkPolicy.rpcEgressPorts }}
        - {port: {{ . }}, protocol: TCP}
        {{- end }}
    {{- end }}
{{- end }}
{{- if .root.Values.metrics.serviceMonitor.enabled }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
    {{- with .root.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "synod.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ .root.Values.metrics.serviceMonitor.interval }}
{{- end }}
{{- end -}}
