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

{{/* Configuration every service shares (its ConfigMap): port, Kafka, its database URL, JVM, tracing, extra env. */}}
{{- define "synod.commonConfig" -}}
QUARKUS_HTTP_PORT: "8080"
KAFKA_BOOTSTRAP_SERVERS: {{ required "kafka.bootstrapServers is required" .root.Values.kafka.bootstrapServers | quote }}
{{- with .root.Values.kafka.securityProtocol }}
KAFKA_SECURITY_PROTOCOL: {{ . | quote }}
{{- end }}
{{- with .root.Values.kafka.saslMechanism }}
KAFKA_SASL_MECHANISM: {{ . | quote }}
{{- end }}
QUARKUS_DATASOURCE_REACTIVE_URL: {{ required (printf "%s.database.url is required" .key) .svc.database.url | quote }}
JAVA_TOOL_OPTIONS: "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
{{- if .root.Values.tracing.otlpEndpoint }}
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ .root.Values.tracing.otlpEndpoint | quote }}
{{- end }}
{{- range $k, $v := .svc.env }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{/* Secrets every service reads: its database user and password, and Kafka's SASL JAAS line if one is given. */}}
{{- define "synod.commonSecretEnv" -}}
{{- with .root.Values.kafka.saslJaasConfigSecret }}{{ if .name }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
{{- end }}{{ end }}
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
{{- end -}}

{{/* The issuer's public key, for the services with admin and committee endpoints (the issuer is in config). */}}
{{- define "synod.jwtSecretEnv" -}}
- name: MP_JWT_VERIFY_PUBLICKEY
  valueFrom:
    secretKeyRef:
      name: {{ required "jwt.publicKeySecret.name is required" .root.Values.jwt.publicKeySecret.name }}
      key: {{ .root.Values.jwt.publicKeySecret.key }}
{{- end -}}

{{/*
One service: ConfigMap, Deployment, Service, PodDisruptionBudget and, when asked, HorizontalPodAutoscaler,
NetworkPolicy and ServiceMonitor. Arguments: root, name (e.g. voting-service), key (values key), svc
(its values), config (its own configuration entries, rendered) and secretEnv (its own Secret-backed
variables, rendered).
*/}}
{{- define "synod.component" -}}
{{- $fullName := include "synod.componentName" . -}}
{{- $config := printf "%s\n%s" (include "synod.commonConfig" . | trim) (.config | trim) | trim -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "synod.labels" . | nindent 4 }}
data:
  {{- $config | nindent 2 }}
---
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
        # a configuration change rolls the pods
        checksum/config: {{ $config | sha256sum }}
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
          envFrom:
            - configMapRef:
                name: {{ $fullName }}
          env:
            {{- include "synod.commonSecretEnv" . | nindent 12 }}
            {{- with .secretEnv }}
            {{- . | nindent 12 }}
            {{- end }}
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
