# Generated from schema/CreateCampaignDTO.schema.json by scripts/cozmox_codegen (`make schema`).
# Do not edit: change the generator or the schema, then run `make schema`.
# ruff: noqa: E501 (the API's descriptions hold long URLs and code)
"""Typed dicts for the nested arguments of a ``Campaign``, generated from the API's JSON Schema.

``Customer`` (the API's ``CreateCustomerDTO``), ``AssistantOverrides`` and every object under
it, and ``SchedulePlan``. Keys are the API's own JSON keys. A union (``A | B``) is chosen by its
discriminator: ``{"provider": "11labs", ...}`` is an ``ElevenLabsVoice``.

For type checkers and editors: at run time a value is a plain ``dict`` (calling a TypedDict
makes one), and the provider receives it unchanged. Annotations stay strings, never evaluated,
so the names they use are imported for type checkers only (run-time introspection such as
``__required_keys__`` does not see ``Required``). Importing this module takes about 45 ms (each
class compiles its annotation strings): ``pulumi_cozmox`` loads it only when a program imports
one of its names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any, Literal

    from typing_extensions import Required

__all__ = [
    "AnalysisPlan",
    "AnthropicModel",
    "AnthropicThinkingConfig",
    "AnyscaleModel",
    "ArtifactPlan",
    "AssemblyAITranscriber",
    "AssistantCustomEndpointingRule",
    "AssistantHookAssistantSpeechInterrupted",
    "AssistantHookCallEnding",
    "AssistantHookCustomerSpeechInterrupted",
    "AssistantHookFilter",
    "AssistantOverrides",
    "AzureBlobStorageBucketPlan",
    "AzureSpeechTranscriber",
    "AzureVoice",
    "BackgroundSpeechDenoisingPlan",
    "BackoffPlan",
    "BothCustomEndpointingRule",
    "BucketPlan",
    "CartesiaExperimentalControls",
    "CartesiaTranscriber",
    "CartesiaVoice",
    "CerebrasModel",
    "ChunkPlan",
    "CloudflareR2BucketPlan",
    "CompliancePlan",
    "Condition",
    "CozmoxSmartEndpointingPlan",
    "CozmoxVoice",
    "CozmoxVoicemailDetectionPlan",
    "CreateAnthropicCredentialDTO",
    "CreateAnyscaleCredentialDTO",
    "CreateApiRequestToolDTO",
    "CreateAssemblyAICredentialDTO",
    "CreateAzureCredentialDTO",
    "CreateAzureOpenAICredentialDTO",
    "CreateBashToolDTO",
    "CreateByoSipTrunkCredentialDTO",
    "CreateCartesiaCredentialDTO",
    "CreateCerebrasCredentialDTO",
    "CreateCloudflareCredentialDTO",
    "CreateComputerToolDTO",
    "CreateCustomKnowledgeBaseDTO",
    "CreateCustomLLMCredentialDTO",
    "CreateDeepInfraCredentialDTO",
    "CreateDeepSeekCredentialDTO",
    "CreateDeepgramCredentialDTO",
    "CreateDtmfToolDTO",
    "CreateElevenLabsCredentialDTO",
    "CreateEndCallToolDTO",
    "CreateFunctionToolDTO",
    "CreateGcpCredentialDTO",
    "CreateGladiaCredentialDTO",
    "CreateGoHighLevelCalendarAvailabilityToolDTO",
    "CreateGoHighLevelCalendarEventCreateToolDTO",
    "CreateGoHighLevelContactCreateToolDTO",
    "CreateGoHighLevelContactGetToolDTO",
    "CreateGoHighLevelCredentialDTO",
    "CreateGoHighLevelMCPCredentialDTO",
    "CreateGoogleCalendarCheckAvailabilityToolDTO",
    "CreateGoogleCalendarCreateEventToolDTO",
    "CreateGoogleCalendarOAuth2AuthorizationCredentialDTO",
    "CreateGoogleCalendarOAuth2ClientCredentialDTO",
    "CreateGoogleCredentialDTO",
    "CreateGoogleSheetsOAuth2AuthorizationCredentialDTO",
    "CreateGoogleSheetsRowAppendToolDTO",
    "CreateGroqCredentialDTO",
    "CreateHumeCredentialDTO",
    "CreateInflectionAICredentialDTO",
    "CreateLangfuseCredentialDTO",
    "CreateLmntCredentialDTO",
    "CreateMakeCredentialDTO",
    "CreateMcpToolDTO",
    "CreateMistralCredentialDTO",
    "CreateNeuphonicCredentialDTO",
    "CreateOpenAICredentialDTO",
    "CreateOpenRouterCredentialDTO",
    "CreatePerplexityAICredentialDTO",
    "CreatePlayHTCredentialDTO",
    "CreateQueryToolDTO",
    "CreateRimeAICredentialDTO",
    "CreateRunpodCredentialDTO",
    "CreateS3CredentialDTO",
    "CreateSlackOAuth2AuthorizationCredentialDTO",
    "CreateSlackSendMessageToolDTO",
    "CreateSmallestAICredentialDTO",
    "CreateSmsToolDTO",
    "CreateSpeechmaticsCredentialDTO",
    "CreateSupabaseCredentialDTO",
    "CreateTavusCredentialDTO",
    "CreateTextEditorToolDTO",
    "CreateTogetherAICredentialDTO",
    "CreateTransferCallToolDTO",
    "CreateTrieveCredentialDTO",
    "CreateTwilioCredentialDTO",
    "CreateVonageCredentialDTO",
    "CreateWebhookCredentialDTO",
    "CreateXAiCredentialDTO",
    "CustomEndpointingModelSmartEndpointingPlan",
    "CustomLLMModel",
    "CustomMessage",
    "CustomTranscriber",
    "CustomVoice",
    "Customer",
    "CustomerCustomEndpointingRule",
    "DeepInfraModel",
    "DeepSeekModel",
    "DeepgramTranscriber",
    "DeepgramVoice",
    "ElevenLabsTranscriber",
    "ElevenLabsVoice",
    "ExactReplacement",
    "FallbackAssemblyAITranscriber",
    "FallbackAzureSpeechTranscriber",
    "FallbackAzureVoice",
    "FallbackCartesiaTranscriber",
    "FallbackCartesiaVoice",
    "FallbackCozmoxVoice",
    "FallbackCustomTranscriber",
    "FallbackCustomVoice",
    "FallbackDeepgramTranscriber",
    "FallbackDeepgramVoice",
    "FallbackElevenLabsTranscriber",
    "FallbackElevenLabsVoice",
    "FallbackGladiaTranscriber",
    "FallbackGoogleTranscriber",
    "FallbackHumeVoice",
    "FallbackInworldVoice",
    "FallbackLMNTVoice",
    "FallbackNeuphonicVoice",
    "FallbackOpenAITranscriber",
    "FallbackOpenAIVoice",
    "FallbackPlan",
    "FallbackPlayHTVoice",
    "FallbackRimeAIVoice",
    "FallbackSesameVoice",
    "FallbackSmallestAIVoice",
    "FallbackSpeechmaticsTranscriber",
    "FallbackTalkscriberTranscriber",
    "FallbackTavusVoice",
    "FallbackTranscriberPlan",
    "FormatPlan",
    "FourierDenoisingPlan",
    "FunctionCallAssistantHookAction",
    "GcpKey",
    "GeminiMultimodalLivePrebuiltVoiceConfig",
    "GeminiMultimodalLiveSpeechConfig",
    "GeminiMultimodalLiveVoiceConfig",
    "GladiaTranscriber",
    "GoogleModel",
    "GoogleRealtimeConfig",
    "GoogleTranscriber",
    "GoogleVoicemailDetectionPlan",
    "GroqModel",
    "HMACAuthenticationPlan",
    "HumeVoice",
    "InflectionAIModel",
    "InworldVoice",
    "JsonSchema",
    "KeypadInputPlan",
    "KnowledgeBase",
    "LMNTVoice",
    "LangfuseObservabilityPlan",
    "LivekitSmartEndpointingPlan",
    "McpToolMetadata",
    "MessagePlan",
    "MonitorPlan",
    "NeuphonicVoice",
    "OAuth2AuthenticationPlan",
    "Oauth2AuthenticationSession",
    "OpenAIFunction",
    "OpenAIFunctionParameters",
    "OpenAIMessage",
    "OpenAIModel",
    "OpenAITranscriber",
    "OpenAIVoice",
    "OpenAIVoicemailDetectionPlan",
    "OpenRouterModel",
    "PerplexityAIModel",
    "PlayHTVoice",
    "RegexOption",
    "RegexReplacement",
    "RimeAIVoice",
    "SayAssistantHookAction",
    "SbcConfiguration",
    "SchedulePlan",
    "Server",
    "SesameVoice",
    "SipTrunkGateway",
    "SipTrunkOutboundAuthenticationPlan",
    "SipTrunkOutboundSipRegisterPlan",
    "SmallestAIVoice",
    "SmartDenoisingPlan",
    "SpeechmaticsTranscriber",
    "StartSpeakingPlan",
    "StopSpeakingPlan",
    "StructuredDataMultiPlan",
    "StructuredDataPlan",
    "SuccessEvaluationPlan",
    "SummaryPlan",
    "SupabaseBucketPlan",
    "TalkscriberTranscriber",
    "TavusConversationProperties",
    "TavusVoice",
    "TextContent",
    "TogetherAIModel",
    "ToolMessageComplete",
    "ToolMessageDelayed",
    "ToolMessageFailed",
    "ToolMessageStart",
    "TranscriptPlan",
    "TranscriptionEndpointingPlan",
    "TransferAssistantHookAction",
    "TransferDestinationAssistant",
    "TransferDestinationNumber",
    "TransferDestinationSip",
    "TransferFallbackPlan",
    "TransferPlan",
    "TransportConfigurationTwilio",
    "TwilioVoicemailDetectionPlan",
    "VariableExtractionAlias",
    "VariableExtractionPlan",
    "VoicemailDetectionBackoffPlan",
    "XaiModel",
]


class Customer(TypedDict, total=False):
    """The API's ``CreateCustomerDTO``.

    Used in ``CreateCampaignDTO.customers``: These are the customers that will be called in the
    campaign.
    """

    numberE164CheckEnabled: bool
    """This is the flag to toggle the E164 check for the `number` field. This is an advanced
    property which should be used if you know your use case requires it.

    Use cases:
    - `false`: To allow non-E164 numbers like `+001234567890`, `1234`, or `abc`. This is useful for
      dialing out to non-E164 numbers on your SIP trunks.
    - `true` (default): To allow only E164 numbers like `+14155551234`. This is standard for PSTN
      calls.

    If `false`, the `number` is still required to only contain alphanumeric characters (regex:
    `/^\\+?[a-zA-Z0-9]+$/`).

    @default true (E164 check is enabled)
    """
    extension: str
    """This is the extension that will be dialed after the call is answered."""
    assistantOverrides: AssistantOverrides
    """These are the overrides for the assistant's settings and template variables specific to this
    customer.
    This allows customization of the assistant's behavior for individual customers in batch calls.
    """
    number: str
    """This is the number of the customer."""
    sipUri: str
    """This is the SIP URI of the customer."""
    name: str
    """This is the name of the customer. This is just for your own reference.

    For SIP inbound calls, this is extracted from the `From` SIP header with format `"Display Name"
    <sip:username@domain>`.
    """
    email: str
    """This is the email of the customer."""
    externalId: str
    """This is the external ID of the customer."""


class AssistantOverrides(TypedDict, total=False):
    """The API's ``AssistantOverrides``.

    Used in ``CreateCustomerDTO.assistantOverrides``: These are the overrides for the assistant's
    settings and template variables specific to this customer.
    """

    transcriber: (
        AssemblyAITranscriber
        | AzureSpeechTranscriber
        | CustomTranscriber
        | DeepgramTranscriber
        | ElevenLabsTranscriber
        | GladiaTranscriber
        | GoogleTranscriber
        | SpeechmaticsTranscriber
        | TalkscriberTranscriber
        | OpenAITranscriber
        | CartesiaTranscriber
    )
    """These are the options for the assistant's transcriber."""
    model: (
        AnthropicModel
        | AnyscaleModel
        | CerebrasModel
        | CustomLLMModel
        | DeepInfraModel
        | DeepSeekModel
        | GoogleModel
        | GroqModel
        | InflectionAIModel
        | OpenAIModel
        | OpenRouterModel
        | PerplexityAIModel
        | TogetherAIModel
        | XaiModel
    )
    """These are the options for the assistant's LLM."""
    voice: (
        AzureVoice
        | CartesiaVoice
        | CustomVoice
        | DeepgramVoice
        | ElevenLabsVoice
        | HumeVoice
        | LMNTVoice
        | NeuphonicVoice
        | OpenAIVoice
        | PlayHTVoice
        | RimeAIVoice
        | SmallestAIVoice
        | TavusVoice
        | CozmoxVoice
        | SesameVoice
        | InworldVoice
    )
    """These are the options for the assistant's voice."""
    firstMessage: str
    """This is the first message that the assistant will say. This can also be a URL to a
    containerized audio file (mp3, wav, etc.).

    If unspecified, assistant will wait for user to speak and use the model to respond once they
    speak.
    """
    firstMessageInterruptionsEnabled: bool
    firstMessageMode: Literal[
        "assistant-speaks-first",
        "assistant-speaks-first-with-model-generated-message",
        "assistant-waits-for-user",
    ]
    """This is the mode for the first message. Default is 'assistant-speaks-first'.

    Use:
    - 'assistant-speaks-first' to have the assistant speak first.
    - 'assistant-waits-for-user' to have the assistant wait for the user to speak first.
    - 'assistant-speaks-first-with-model-generated-message' to have the assistant speak first with a
      message generated by the model based on the conversation state. (`assistant.model.messages` at
      call start, `call.messages` at squad transfer points).

    @default 'assistant-speaks-first'
    """
    voicemailDetection: (
        GoogleVoicemailDetectionPlan
        | OpenAIVoicemailDetectionPlan
        | TwilioVoicemailDetectionPlan
        | CozmoxVoicemailDetectionPlan
    )
    """These are the settings to configure or disable voicemail detection. Alternatively, voicemail
    detection can be configured using the model.tools=[VoicemailTool].
    This uses Twilio's built-in detection while the VoicemailTool relies on the model to detect if a
    voicemail was reached.
    You can use neither of them, one of them, or both of them. By default, Twilio built-in detection
    is enabled while VoicemailTool is not.
    """
    clientMessages: Sequence[
        Literal[
            "conversation-update",
            "function-call",
            "function-call-result",
            "hang",
            "language-changed",
            "metadata",
            "model-output",
            "speech-update",
            "status-update",
            "transcript",
            "tool-calls",
            "tool-calls-result",
            "tool.completed",
            "transfer-update",
            "user-interrupted",
            "voice-input",
            "workflow.node.started",
        ]
    ]
    """These are the messages that will be sent to your Client SDKs. Default is
    conversation-update,function-call,hang,model-output,speech-update,status-update,transfer-update,transcript,tool-calls,user-interrupted,voice-input,workflow.node.started.
    You can check the shape of the messages in ClientMessage schema.
    """
    serverMessages: Sequence[
        Literal[
            "conversation-update",
            "end-of-call-report",
            "function-call",
            "hang",
            "language-changed",
            "language-change-detected",
            "model-output",
            "phone-call-control",
            "speech-update",
            "status-update",
            "transcript",
            'transcript[transcriptType="final"]',
            "tool-calls",
            "transfer-destination-request",
            "transfer-update",
            "user-interrupted",
            "voice-input",
        ]
    ]
    """These are the messages that will be sent to your Server URL. Default is
    conversation-update,end-of-call-report,function-call,hang,speech-update,status-update,tool-calls,transfer-destination-request,user-interrupted.
    You can check the shape of the messages in ServerMessage schema.
    """
    silenceTimeoutSeconds: float
    """How many seconds of silence to wait before ending the call. Defaults to 30.

    @default 30
    """
    maxDurationSeconds: float
    """This is the maximum number of seconds that the call will last. When the call reaches this
    duration, it will be ended.

    @default 600 (10 minutes)
    """
    backgroundSound: Literal["off", "office"] | str
    """This is the background sound in the call. Default for phone calls is 'office' and default for
    web calls is 'off'.
    You can also provide a custom sound by providing a URL to an audio file.
    """
    backgroundDenoisingEnabled: bool
    """Deprecated. This enables filtering of noise and background speech while the user is talking.

    Default `false` while in beta.

    @default false
    """
    modelOutputInMessagesEnabled: bool
    """This determines whether the model's output is used in conversation history rather than the
    transcription of assistant's speech.

    Default `false` while in beta.

    @default false
    """
    transportConfigurations: Sequence[TransportConfigurationTwilio]
    """These are the configurations to be passed to the transport providers of assistant's calls,
    like Twilio. You can store multiple configurations for different transport providers. For a
    call, only the configuration matching the call transport provider is used.
    """
    observabilityPlan: LangfuseObservabilityPlan
    """This is the plan for observability of assistant's calls.

    Currently, only Langfuse is supported.
    """
    credentials: Sequence[
        CreateElevenLabsCredentialDTO
        | CreateAnthropicCredentialDTO
        | CreateAnyscaleCredentialDTO
        | CreateAssemblyAICredentialDTO
        | CreateAzureOpenAICredentialDTO
        | CreateAzureCredentialDTO
        | CreateByoSipTrunkCredentialDTO
        | CreateCartesiaCredentialDTO
        | CreateCerebrasCredentialDTO
        | CreateCloudflareCredentialDTO
        | CreateCustomLLMCredentialDTO
        | CreateDeepgramCredentialDTO
        | CreateDeepInfraCredentialDTO
        | CreateDeepSeekCredentialDTO
        | CreateGcpCredentialDTO
        | CreateGladiaCredentialDTO
        | CreateGoHighLevelCredentialDTO
        | CreateGoogleCredentialDTO
        | CreateGroqCredentialDTO
        | CreateInflectionAICredentialDTO
        | CreateLangfuseCredentialDTO
        | CreateLmntCredentialDTO
        | CreateMakeCredentialDTO
        | CreateOpenAICredentialDTO
        | CreateOpenRouterCredentialDTO
        | CreatePerplexityAICredentialDTO
        | CreatePlayHTCredentialDTO
        | CreateRimeAICredentialDTO
        | CreateRunpodCredentialDTO
        | CreateS3CredentialDTO
        | CreateSupabaseCredentialDTO
        | CreateSmallestAICredentialDTO
        | CreateTavusCredentialDTO
        | CreateTogetherAICredentialDTO
        | CreateTwilioCredentialDTO
        | CreateVonageCredentialDTO
        | CreateWebhookCredentialDTO
        | CreateXAiCredentialDTO
        | CreateNeuphonicCredentialDTO
        | CreateHumeCredentialDTO
        | CreateMistralCredentialDTO
        | CreateSpeechmaticsCredentialDTO
        | CreateTrieveCredentialDTO
        | CreateGoogleCalendarOAuth2ClientCredentialDTO
        | CreateGoogleCalendarOAuth2AuthorizationCredentialDTO
        | CreateGoogleSheetsOAuth2AuthorizationCredentialDTO
        | CreateSlackOAuth2AuthorizationCredentialDTO
        | CreateGoHighLevelMCPCredentialDTO
        | Mapping[str, Any]
    ]
    """These are dynamic credentials that will be used for the assistant calls. By default, all the
    credentials are available for use in the call but you can supplement an additional credentials
    using this. Dynamic credentials override existing credentials.
    """
    hooks: Sequence[
        AssistantHookCallEnding
        | AssistantHookAssistantSpeechInterrupted
        | AssistantHookCustomerSpeechInterrupted
    ]
    """This is a set of actions that will be performed on certain events."""
    variableValues: Mapping[str, Any]
    """These are values that will be used to replace the template variables in the assistant
    messages and other text-based fields.
    This uses LiquidJS syntax. https://liquidjs.com/tutorials/intro-to-liquid.html

    So for example, `{{ name }}` will be replaced with the value of `name` in `variableValues`.
    `{{"now" | date: "%b %d, %Y, %I:%M %p", "America/New_York"}}` will be replaced with the current
    date and time in New York.
     Some COZMOX reserved defaults:
     - *customer* - the customer object
    """
    name: str
    """This is the name of the assistant.

    This is required when you want to transfer between assistants in a call.
    """
    voicemailMessage: str
    """This is the message that the assistant will say if the call is forwarded to voicemail.

    If unspecified, it will hang up.
    """
    endCallMessage: str
    """This is the message that the assistant will say if it ends the call.

    If unspecified, it will hang up without saying anything.
    """
    endCallPhrases: Sequence[str]
    """This list contains phrases that, if spoken by the assistant, will trigger the call to be hung
    up. Case insensitive.
    """
    compliancePlan: CompliancePlan
    metadata: Mapping[str, Any]
    """This is for metadata you want to store on the assistant."""
    backgroundSpeechDenoisingPlan: BackgroundSpeechDenoisingPlan
    """This enables filtering of noise and background speech while the user is talking.

    Features:
    - Smart denoising using Krisp
    - Fourier denoising

    Smart denoising can be combined with or used independently of Fourier denoising.

    Order of precedence:
    - Smart denoising
    - Fourier denoising
    """
    analysisPlan: AnalysisPlan
    """This is the plan for analysis of assistant's calls. Stored in `call.analysis`."""
    artifactPlan: ArtifactPlan
    """This is the plan for artifacts generated during assistant's calls. Stored in `call.artifact`."""
    messagePlan: MessagePlan
    """This is the plan for static predefined messages that can be spoken by the assistant during
    the call, like `idleMessages`.

    Note: `firstMessage`, `voicemailMessage`, and `endCallMessage` are currently at the root level.
    They will be moved to `messagePlan` in the future, but will remain backwards compatible.
    """
    startSpeakingPlan: StartSpeakingPlan
    """This is the plan for when the assistant should start talking.

    You should configure this if you're running into these issues:
    - The assistant is too slow to start talking after the customer is done speaking.
    - The assistant is too fast to start talking after the customer is done speaking.
    - The assistant is so fast that it's actually interrupting the customer.
    """
    stopSpeakingPlan: StopSpeakingPlan
    """This is the plan for when assistant should stop talking on customer interruption.

    You should configure this if you're running into these issues:
    - The assistant is too slow to recognize customer's interruption.
    - The assistant is too fast to recognize customer's interruption.
    - The assistant is getting interrupted by phrases that are just acknowledgments.
    - The assistant is getting interrupted by background noises.
    - The assistant is not properly stopping -- it starts talking right after getting interrupted.
    """
    monitorPlan: MonitorPlan
    """This is the plan for real-time monitoring of the assistant's calls.

    Usage:
    - To enable live listening of the assistant's calls, set `monitorPlan.listenEnabled` to `true`.
    - To enable live control of the assistant's calls, set `monitorPlan.controlEnabled` to `true`.
    """
    credentialIds: Sequence[str]
    """These are the credentials that will be used for the assistant calls. By default, all the
    credentials are available for use in the call but you can provide a subset using this.
    """
    server: Server
    """This is where Cozmox will send webhooks. You can find all webhooks available along with their
    shape in ServerMessage schema.

    The order of precedence is:

    1. assistant.server.url
    2. phoneNumber.serverUrl
    3. org.serverUrl
    """
    keypadInputPlan: KeypadInputPlan


class SchedulePlan(TypedDict, total=False):
    """The API's ``SchedulePlan``.

    Used in ``CreateCampaignDTO.schedulePlan``: This is the schedule plan for the campaign.
    """

    earliestAt: Required[str]
    """This is the ISO 8601 date-time string of the earliest time the call can be scheduled."""
    latestAt: str
    """This is the ISO 8601 date-time string of the latest time the call can be scheduled."""


class AnalysisPlan(TypedDict, total=False):
    """The API's ``AnalysisPlan``.

    Used in ``AssistantOverrides.analysisPlan``: This is the plan for analysis of assistant's calls.
    """

    minMessagesThreshold: float
    """The minimum number of messages required to run the analysis plan.
    If the number of messages is less than this, analysis will be skipped.
    @default 2
    """
    summaryPlan: SummaryPlan
    """This is the plan for generating the summary of the call. This outputs to
    `call.analysis.summary`.
    """
    structuredDataPlan: StructuredDataPlan
    """This is the plan for generating the structured data from the call. This outputs to
    `call.analysis.structuredData`.
    """
    structuredDataMultiPlan: Sequence[StructuredDataMultiPlan]
    """This is an array of structured data plan catalogs. Each entry includes a `key` and a `plan`
    for generating the structured data from the call. This outputs to
    `call.analysis.structuredDataMulti`.
    """
    successEvaluationPlan: SuccessEvaluationPlan
    """This is the plan for generating the success evaluation of the call. This outputs to
    `call.analysis.successEvaluation`.
    """


class AnthropicModel(TypedDict, total=False):
    """The API's ``AnthropicModel`` (``"provider": "anthropic"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[
        Literal[
            "claude-3-opus-20240229",
            "claude-3-sonnet-20240229",
            "claude-3-haiku-20240307",
            "claude-3-5-sonnet-20240620",
            "claude-3-5-sonnet-20241022",
            "claude-3-5-haiku-20241022",
            "claude-3-7-sonnet-20250219",
            "claude-opus-4-20250514",
            "claude-sonnet-4-20250514",
        ]
    ]
    """The specific Anthropic/Claude model that will be used."""
    provider: Required[Literal["anthropic"]]
    """The provider identifier for Anthropic."""
    thinking: AnthropicThinkingConfig
    """Optional configuration for Anthropic's thinking feature.
    Only applicable for claude-3-7-sonnet-20250219 model.
    If provided, maxTokens must be greater than thinking.budgetTokens.
    """
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class AnthropicThinkingConfig(TypedDict, total=False):
    """The API's ``AnthropicThinkingConfig``.

    Used in ``AnthropicModel.thinking``: Optional configuration for Anthropic's thinking feature.
    """

    type: Required[Literal["enabled"]]
    budgetTokens: Required[float]
    """The maximum number of tokens to allocate for thinking.
    Must be between 1024 and 100000 tokens.
    """


class AnyscaleModel(TypedDict, total=False):
    """The API's ``AnyscaleModel`` (``"provider": "anyscale"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["anyscale"]]
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class ArtifactPlan(TypedDict, total=False):
    """The API's ``ArtifactPlan``.

    Used in ``AssistantOverrides.artifactPlan``: This is the plan for artifacts generated during
    assistant's calls.
    """

    recordingEnabled: bool
    """This determines whether assistant's calls are recorded. Defaults to true.

    Usage:
    - If you don't want to record the calls, set this to false.
    - If you want to record the calls when `assistant.hipaaEnabled` (deprecated) or
      `assistant.compliancePlan.hipaaEnabled` explicity set this to true and make sure to provide S3
      or GCP credentials on the Provider Credentials page in the Dashboard.

    You can find the recording at `call.artifact.recordingUrl` and
    `call.artifact.stereoRecordingUrl` after the call is ended.

    @default true
    """
    recordingFormat: Literal["wav;l16", "mp3"]
    """This determines the format of the recording. Defaults to `wav;l16`.

    @default 'wav;l16'
    """
    videoRecordingEnabled: bool
    """This determines whether the video is recorded during the call. Defaults to false. Only
    relevant for `webCall` type.

    You can find the video recording at `call.artifact.videoRecordingUrl` after the call is ended.

    @default false
    """
    pcapEnabled: bool
    """This determines whether the SIP packet capture is enabled. Defaults to true. Only relevant
    for `phone` type calls where phone number's provider is `cozmox` or `byo-phone-number`.

    You can find the packet capture at `call.artifact.pcapUrl` after the call is ended.

    @default true
    """
    pcapS3PathPrefix: str
    """This is the path where the SIP packet capture will be uploaded. This is only used if you have
    provided S3 or GCP credentials on the Provider Credentials page in the Dashboard.

    If credential.s3PathPrefix or credential.bucketPlan.path is set, this will append to it.

    Usage:
    - If you want to upload the packet capture to a specific path, set this to the path. Example:
      `/my-assistant-captures`.
    - If you want to upload the packet capture to the root of the bucket, set this to `/`.

    @default '/'
    """
    transcriptPlan: TranscriptPlan
    """This is the plan for `call.artifact.transcript`. To disable, set `transcriptPlan.enabled` to
    false.
    """
    recordingPath: str
    """This is the path where the recording will be uploaded. This is only used if you have provided
    S3 or GCP credentials on the Provider Credentials page in the Dashboard.

    If credential.s3PathPrefix or credential.bucketPlan.path is set, this will append to it.

    Usage:
    - If you want to upload the recording to a specific path, set this to the path. Example:
      `/my-assistant-recordings`.
    - If you want to upload the recording to the root of the bucket, set this to `/`.

    @default '/'
    """


class AssemblyAITranscriber(TypedDict, total=False):
    """The API's ``AssemblyAITranscriber`` (``"provider": "assembly-ai"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["assembly-ai"]]
    """This is the transcription provider that will be used."""
    language: Literal["en"]
    """This is the language that will be set for the transcription."""
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """
    enableUniversalStreamingApi: bool
    """Uses Assembly AI's new Universal Streaming API. See:
    https://www.assemblyai.com/docs/speech-to-text/universal-streaming

    @default false
    """
    formatTurns: bool
    """This enables formatting of transcripts. Only used when `enableUniversalStreamingApi` is true.

    @default false
    """
    endOfTurnConfidenceThreshold: float
    """The confidence threshold to use when determining if the end of a turn has been reached. Only
    used when `enableUniversalStreamingApi` is true.

    @default 0.7
    """
    minEndOfTurnSilenceWhenConfident: float
    """The minimum amount of silence in milliseconds required to detect end of turn when confident.
    Only used when `enableUniversalStreamingApi` is true.

    @default 160
    """
    wordFinalizationMaxWaitTime: float
    """The maximum wait time for word finalization. Only used when `enableUniversalStreamingApi` is
    true.

    @default 160
    """
    maxTurnSilence: float
    """The maximum amount of silence in milliseconds allowed in a turn before end of turn is
    triggered. Only used when `enableUniversalStreamingApi` is true.

    @default 400
    """
    realtimeUrl: str
    """The WebSocket URL that the transcriber connects to."""
    wordBoost: Sequence[str]
    """Add up to 2500 characters of custom vocabulary."""
    endUtteranceSilenceThreshold: float
    """The duration of the end utterance silence threshold in milliseconds."""
    disablePartialTranscripts: bool
    """Disable partial transcripts.
    Set to `true` to not receive partial transcripts. Defaults to `false`.
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class AssistantCustomEndpointingRule(TypedDict, total=False):
    """The API's ``AssistantCustomEndpointingRule`` (``"type": "assistant"``).

    Used in ``StartSpeakingPlan.customEndpointingRules``: These are the custom endpointing rules to
    set an endpointing timeout based on a regex on the customer's speech or the assistant's last
    message.
    """

    type: Required[Literal["assistant"]]
    """This endpointing rule is based on the last assistant message before customer started
    speaking.

    Flow:
    - Assistant speaks
    - Customer starts speaking
    - Customer transcription comes in
    - This rule is evaluated on the last assistant message
    - If a match is found based on `regex`, the endpointing timeout is set to `timeoutSeconds`

    Usage:
    - If you have yes/no questions in your use case like "are you interested in a loan?", you can
      set a shorter timeout.
    - If you have questions where the customer may pause to look up information like "what's my
      account number?", you can set a longer timeout.
    """
    regex: Required[str]
    """This is the regex pattern to match.

    Note:
    - This works by using the `RegExp.test` method in Node.JS. Eg. `/hello/.test("hello there")`
      will return `true`.

    Hot tip:
    - In JavaScript, escape `\\` when sending the regex pattern. Eg. `"hello\\sthere"` will be sent
      over the wire as `"hellosthere"`. Send `"hello\\\\sthere"` instead.
    - `RegExp.test` does substring matching, so `/cat/.test("I love cats")` will return `true`. To
      do full string matching, send "^cat$".
    """
    regexOptions: Sequence[RegexOption]
    """These are the options for the regex match. Defaults to all disabled.

    @default []
    """
    timeoutSeconds: Required[float]
    """This is the endpointing timeout in seconds, if the rule is matched."""


class AssistantHookAssistantSpeechInterrupted(TypedDict, total=False):
    """The API's ``AssistantHookAssistantSpeechInterrupted`` (``"on":
    "assistant.speech.interrupted"``).

    Used in ``AssistantOverrides.hooks``: This is a set of actions that will be performed on certain
    events.
    """

    on: Required[Literal["assistant.speech.interrupted"]]
    """This is the event that triggers this hook"""
    do: Required[
        Sequence[
            TransferAssistantHookAction | FunctionCallAssistantHookAction | SayAssistantHookAction
        ]
    ]
    """This is the set of actions to perform when the hook triggers"""


class AssistantHookCallEnding(TypedDict, total=False):
    """The API's ``AssistantHookCallEnding`` (``"on": "call.ending"``).

    Used in ``AssistantOverrides.hooks``: This is a set of actions that will be performed on certain
    events.
    """

    on: Required[Literal["call.ending"]]
    """This is the event that triggers this hook"""
    do: Required[Sequence[TransferAssistantHookAction | FunctionCallAssistantHookAction]]
    """This is the set of actions to perform when the hook triggers"""
    filters: Sequence[AssistantHookFilter]
    """This is the set of filters that must match for the hook to trigger"""


class AssistantHookCustomerSpeechInterrupted(TypedDict, total=False):
    """The API's ``AssistantHookCustomerSpeechInterrupted`` (``"on":
    "customer.speech.interrupted"``).

    Used in ``AssistantOverrides.hooks``: This is a set of actions that will be performed on certain
    events.
    """

    on: Required[Literal["customer.speech.interrupted"]]
    """This is the event that triggers this hook"""
    do: Required[
        Sequence[
            TransferAssistantHookAction | FunctionCallAssistantHookAction | SayAssistantHookAction
        ]
    ]
    """This is the set of actions to perform when the hook triggers"""


class AssistantHookFilter(TypedDict, total=False):
    """The API's ``AssistantHookFilter``.

    Used in ``AssistantHookCallEnding.filters``: This is the set of filters that must match for the
    hook to trigger
    """

    type: Required[Literal["oneOf"]]
    """This is the type of filter - currently only "oneOf" is supported"""
    key: Required[str]
    """This is the key to filter on (e.g. "call.endedReason")"""
    oneOf: Required[Sequence[str]]
    """This is the array of possible values to match against"""


class AzureBlobStorageBucketPlan(TypedDict, total=False):
    """The API's ``AzureBlobStorageBucketPlan``.

    Used in ``CreateAzureCredentialDTO.bucketPlan``: This is the bucket plan that can be provided to
    store call artifacts in Azure Blob Storage.
    """

    connectionString: Required[str]
    """This is the blob storage connection string for the Azure resource."""
    containerName: Required[str]
    """This is the container name for the Azure blob storage."""
    path: str
    """This is the path where call artifacts will be stored.

    Usage:
    - To store call artifacts in a specific folder, set this to the full path. Eg.
      "/folder-name1/folder-name2".
    - To store call artifacts in the root of the bucket, leave this blank.

    @default "/\"
    """


class AzureSpeechTranscriber(TypedDict, total=False):
    """The API's ``AzureSpeechTranscriber`` (``"provider": "azure"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["azure"]]
    """This is the transcription provider that will be used."""
    language: Literal[
        "af-ZA",
        "am-ET",
        "ar-AE",
        "ar-BH",
        "ar-DZ",
        "ar-EG",
        "ar-IL",
        "ar-IQ",
        "ar-JO",
        "ar-KW",
        "ar-LB",
        "ar-LY",
        "ar-MA",
        "ar-OM",
        "ar-PS",
        "ar-QA",
        "ar-SA",
        "ar-SY",
        "ar-TN",
        "ar-YE",
        "az-AZ",
        "bg-BG",
        "bn-IN",
        "bs-BA",
        "ca-ES",
        "cs-CZ",
        "cy-GB",
        "da-DK",
        "de-AT",
        "de-CH",
        "de-DE",
        "el-GR",
        "en-AU",
        "en-CA",
        "en-GB",
        "en-GH",
        "en-HK",
        "en-IE",
        "en-IN",
        "en-KE",
        "en-NG",
        "en-NZ",
        "en-PH",
        "en-SG",
        "en-TZ",
        "en-US",
        "en-ZA",
        "es-AR",
        "es-BO",
        "es-CL",
        "es-CO",
        "es-CR",
        "es-CU",
        "es-DO",
        "es-EC",
        "es-ES",
        "es-GQ",
        "es-GT",
        "es-HN",
        "es-MX",
        "es-NI",
        "es-PA",
        "es-PE",
        "es-PR",
        "es-PY",
        "es-SV",
        "es-US",
        "es-UY",
        "es-VE",
        "et-EE",
        "eu-ES",
        "fa-IR",
        "fi-FI",
        "fil-PH",
        "fr-BE",
        "fr-CA",
        "fr-CH",
        "fr-FR",
        "ga-IE",
        "gl-ES",
        "gu-IN",
        "he-IL",
        "hi-IN",
        "hr-HR",
        "hu-HU",
        "hy-AM",
        "id-ID",
        "is-IS",
        "it-CH",
        "it-IT",
        "ja-JP",
        "jv-ID",
        "ka-GE",
        "kk-KZ",
        "km-KH",
        "kn-IN",
        "ko-KR",
        "lo-LA",
        "lt-LT",
        "lv-LV",
        "mk-MK",
        "ml-IN",
        "mn-MN",
        "mr-IN",
        "ms-MY",
        "mt-MT",
        "my-MM",
        "nb-NO",
        "ne-NP",
        "nl-BE",
        "nl-NL",
        "pa-IN",
        "pl-PL",
        "ps-AF",
        "pt-BR",
        "pt-PT",
        "ro-RO",
        "ru-RU",
        "si-LK",
        "sk-SK",
        "sl-SI",
        "so-SO",
        "sq-AL",
        "sr-RS",
        "sv-SE",
        "sw-KE",
        "sw-TZ",
        "ta-IN",
        "te-IN",
        "th-TH",
        "tr-TR",
        "uk-UA",
        "ur-IN",
        "uz-UZ",
        "vi-VN",
        "wuu-CN",
        "yue-CN",
        "zh-CN",
        "zh-CN-shandong",
        "zh-CN-sichuan",
        "zh-HK",
        "zh-TW",
        "zu-ZA",
    ]
    """This is the language that will be set for the transcription. The list of languages Azure
    supports can be found here:
    https://learn.microsoft.com/en-us/azure/ai-services/speech-service/language-support?tabs=stt
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class AzureVoice(TypedDict, total=False):
    """The API's ``AzureVoice`` (``"provider": "azure"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["azure"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["andrew", "brian", "emma"] | str]
    """This is the provider-specific ID that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    speed: float
    """This is the speed multiplier that will be used."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class BackgroundSpeechDenoisingPlan(TypedDict, total=False):
    """The API's ``BackgroundSpeechDenoisingPlan``.

    Used in ``AssistantOverrides.backgroundSpeechDenoisingPlan``: This enables filtering of noise
    and background speech while the user is talking.
    """

    smartDenoisingPlan: SmartDenoisingPlan
    """Whether smart denoising using Krisp is enabled."""
    fourierDenoisingPlan: FourierDenoisingPlan
    """Whether Fourier denoising is enabled. Note that this is experimental and may not work as
    expected.

    This can be combined with smart denoising, and will be run afterwards.
    """


class BackoffPlan(TypedDict, total=False):
    """The API's ``BackoffPlan``.

    Used in ``CreateApiRequestToolDTO.backoffPlan``: This is the backoff plan if the request fails.
    """

    type: Required[Literal["fixed", "exponential"]]
    """This is the type of backoff plan to use. Defaults to fixed.

    @default fixed
    """
    maxRetries: Required[float]
    """This is the maximum number of retries to attempt if the request fails. Defaults to 0 (no
    retries).

    @default 0
    """
    baseDelaySeconds: Required[float]
    """This is the base delay in seconds. For linear backoff, this is the delay between each retry.
    For exponential backoff, this is the initial delay.
    """


class BothCustomEndpointingRule(TypedDict, total=False):
    """The API's ``BothCustomEndpointingRule`` (``"type": "both"``).

    Used in ``StartSpeakingPlan.customEndpointingRules``: These are the custom endpointing rules to
    set an endpointing timeout based on a regex on the customer's speech or the assistant's last
    message.
    """

    type: Required[Literal["both"]]
    """This endpointing rule is based on both the last assistant message and the current customer
    message as they are speaking.

    Flow:
    - Assistant speaks
    - Customer starts speaking
    - Customer transcription comes in
    - This rule is evaluated on the last assistant message and the current customer transcription
    - If assistant message matches `assistantRegex` AND customer message matches `customerRegex`,
      the endpointing timeout is set to `timeoutSeconds`

    Usage:
    - If you want to wait longer while customer is speaking numbers, you can set a longer timeout.
    """
    assistantRegex: Required[str]
    """This is the regex pattern to match the assistant's message.

    Note:
    - This works by using the `RegExp.test` method in Node.JS. Eg. `/hello/.test("hello there")`
      will return `true`.

    Hot tip:
    - In JavaScript, escape `\\` when sending the regex pattern. Eg. `"hello\\sthere"` will be sent
      over the wire as `"hellosthere"`. Send `"hello\\\\sthere"` instead.
    - `RegExp.test` does substring matching, so `/cat/.test("I love cats")` will return `true`. To
      do full string matching, send "^cat$".
    """
    assistantRegexOptions: Sequence[RegexOption]
    """These are the options for the assistant's message regex match. Defaults to all disabled.

    @default []
    """
    customerRegex: Required[str]
    customerRegexOptions: Sequence[RegexOption]
    """These are the options for the customer's message regex match. Defaults to all disabled.

    @default []
    """
    timeoutSeconds: Required[float]
    """This is the endpointing timeout in seconds, if the rule is matched."""


class BucketPlan(TypedDict, total=False):
    """The API's ``BucketPlan``.

    Used in ``CreateGcpCredentialDTO.bucketPlan``.
    """

    name: Required[str]
    """This is the name of the bucket."""
    region: str
    """This is the region of the bucket.

    Usage:
    - If `credential.type` is `aws`, then this is required.
    - If `credential.type` is `gcp`, then this is optional since GCP allows buckets to be accessed
      without a region but region is required for data residency requirements. Read here:
      https://cloud.google.com/storage/docs/request-endpoints

    This overrides the `credential.region` field if it is provided.
    """
    path: str
    """This is the path where call artifacts will be stored.

    Usage:
    - To store call artifacts in a specific folder, set this to the full path. Eg.
      "/folder-name1/folder-name2".
    - To store call artifacts in the root of the bucket, leave this blank.

    @default "/\"
    """
    hmacAccessKey: str
    """This is the HMAC access key offered by GCP for interoperability with S3 clients. Here is the
    guide on how to create:
    https://cloud.google.com/storage/docs/authentication/managing-hmackeys#console

    Usage:
    - If `credential.type` is `gcp`, then this is required.
    - If `credential.type` is `aws`, then this is not required since credential.awsAccessKeyId is
      used instead.
    """
    hmacSecret: str
    """This is the secret for the HMAC access key. Here is the guide on how to create:
    https://cloud.google.com/storage/docs/authentication/managing-hmackeys#console

    Usage:
    - If `credential.type` is `gcp`, then this is required.
    - If `credential.type` is `aws`, then this is not required since credential.awsSecretAccessKey
      is used instead.

    Note: This is not returned in the API.
    """


class CartesiaExperimentalControls(TypedDict, total=False):
    """The API's ``CartesiaExperimentalControls``.

    Used in ``CartesiaVoice.experimentalControls``: Experimental controls for Cartesia voice
    generation
    """

    speed: Literal["slowest", "slow", "normal", "fast", "fastest"] | float
    emotion: Literal[
        "anger:lowest",
        "anger:low",
        "anger:high",
        "anger:highest",
        "positivity:lowest",
        "positivity:low",
        "positivity:high",
        "positivity:highest",
        "surprise:lowest",
        "surprise:low",
        "surprise:high",
        "surprise:highest",
        "sadness:lowest",
        "sadness:low",
        "sadness:high",
        "sadness:highest",
        "curiosity:lowest",
        "curiosity:low",
        "curiosity:high",
        "curiosity:highest",
    ]


class CartesiaTranscriber(TypedDict, total=False):
    """The API's ``CartesiaTranscriber`` (``"provider": "cartesia"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["cartesia"]]
    model: Literal["ink-whisper"]
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
    ]
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class CartesiaVoice(TypedDict, total=False):
    """The API's ``CartesiaVoice`` (``"provider": "cartesia"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["cartesia"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """The ID of the particular voice you want to use."""
    model: Literal["sonic-2", "sonic-english", "sonic-multilingual", "sonic-preview", "sonic"]
    """This is the model that will be used. This is optional and will default to the correct model
    for the voiceId.
    """
    language: Literal[
        "en", "de", "es", "fr", "ja", "pt", "zh", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr"
    ]
    """This is the language that will be used. This is optional and will default to the correct
    language for the voiceId.
    """
    experimentalControls: CartesiaExperimentalControls
    """Experimental controls for Cartesia voice generation"""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class CerebrasModel(TypedDict, total=False):
    """The API's ``CerebrasModel`` (``"provider": "cerebras"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[Literal["llama3.1-8b", "llama-3.3-70b"]]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    provider: Required[Literal["cerebras"]]
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class ChunkPlan(TypedDict, total=False):
    """The API's ``ChunkPlan``.

    Used in ``AzureVoice.chunkPlan``: This is the plan for chunking the model output before it is
    sent to the voice provider.
    """

    enabled: bool
    """This determines whether the model output is chunked before being sent to the voice provider.
    Default `true`.

    Usage:
    - To rely on the voice provider's audio generation logic, set this to `false`.
    - If seeing issues with quality, set this to `true`.

    If disabled, Cozmox-provided audio control tokens like <flush /> will not work.

    @default true
    """
    minCharacters: float
    """This is the minimum number of characters in a chunk.

    Usage:
    - To increase quality, set this to a higher value.
    - To decrease latency, set this to a lower value.

    @default 30
    """
    punctuationBoundaries: Sequence[
        Literal["。", "，", ".", "!", "?", ";", ")", "،", "۔", "।", "॥", "|", "||", ",", ":"]
    ]
    """These are the punctuations that are considered valid boundaries for a chunk to be created.

    Usage:
    - To increase quality, constrain to fewer boundaries.
    - To decrease latency, enable all.

    Default is automatically set to balance the trade-off between quality and latency based on the
    provider.
    """
    formatPlan: FormatPlan
    """This is the plan for formatting the chunk before it is sent to the voice provider."""


class CloudflareR2BucketPlan(TypedDict, total=False):
    """The API's ``CloudflareR2BucketPlan``.

    Used in ``CreateCloudflareCredentialDTO.bucketPlan``: This is the bucket plan that can be
    provided to store call artifacts in R2
    """

    accessKeyId: str
    """Cloudflare R2 Access key ID."""
    secretAccessKey: str
    """Cloudflare R2 access key secret. This is not returned in the API."""
    url: str
    """Cloudflare R2 base url."""
    name: Required[str]
    """This is the name of the bucket."""
    path: str
    """This is the path where call artifacts will be stored.

    Usage:
    - To store call artifacts in a specific folder, set this to the full path. Eg.
      "/folder-name1/folder-name2".
    - To store call artifacts in the root of the bucket, leave this blank.

    @default "/\"
    """


class CompliancePlan(TypedDict, total=False):
    """The API's ``CompliancePlan``.

    Used in ``AssistantOverrides.compliancePlan``.
    """

    hipaaEnabled: bool
    """When this is enabled, no logs, recordings, or transcriptions will be stored.
    At the end of the call, you will still receive an end-of-call-report message to store on your
    server. Defaults to false.
    """
    pciEnabled: bool
    """When this is enabled, the user will be restricted to use PCI-compliant providers, and no logs
    or transcripts are stored.
    At the end of the call, you will receive an end-of-call-report message to store on your server.
    Defaults to false.
    """


class Condition(TypedDict, total=False):
    """The API's ``Condition``.

    Used in ``ToolMessageComplete.conditions``: This is an optional array of conditions that the
    tool call arguments must meet in order for this message to be triggered.
    """

    operator: Required[Literal["eq", "neq", "gt", "gte", "lt", "lte"]]
    """This is the operator you want to use to compare the parameter and value."""
    param: Required[str]
    """This is the name of the parameter that you want to check."""
    value: Required[str]
    """This is the value you want to compare against the parameter."""


class CozmoxSmartEndpointingPlan(TypedDict, total=False):
    """The API's ``CozmoxSmartEndpointingPlan`` (``"provider": "cozmox"``).

    Used in ``StartSpeakingPlan.smartEndpointingPlan``: This is the plan for smart endpointing.
    """

    provider: Required[Literal["cozmox", "livekit", "custom-endpointing-model"]]
    """This is the provider for the smart endpointing plan."""


class CozmoxVoice(TypedDict, total=False):
    """The API's ``CozmoxVoice`` (``"provider": "cozmox"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["cozmox"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "Elliot",
            "Kylie",
            "Rohan",
            "Lily",
            "Savannah",
            "Hana",
            "Neha",
            "Cole",
            "Harry",
            "Paige",
            "Spencer",
        ]
    ]
    """The voices provided by Cozmox"""
    speed: float
    """This is the speed multiplier that will be used.

    @default 1
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class CozmoxVoicemailDetectionPlan(TypedDict, total=False):
    """The API's ``CozmoxVoicemailDetectionPlan`` (``"provider": "cozmox"``).

    Used in ``AssistantOverrides.voicemailDetection``: These are the settings to configure or
    disable voicemail detection.
    """

    beepMaxAwaitSeconds: float
    """This is the maximum duration from the start of the call that we will wait for a voicemail
    beep, before speaking our message

    - If we detect a voicemail beep before this, we will speak the message at that point.

    - Setting too low a value means that the bot will start speaking its voicemail message too
      early. If it does so before the actual beep, it will get cut off. You should definitely tune
      this to your use case.

    @default 30
    @min 0
    @max 60
    """
    provider: Required[Literal["cozmox"]]
    """This is the provider to use for voicemail detection."""
    backoffPlan: VoicemailDetectionBackoffPlan
    """This is the backoff plan for the voicemail detection."""


class CreateAnthropicCredentialDTO(TypedDict, total=False):
    """The API's ``CreateAnthropicCredentialDTO`` (``"provider": "anthropic"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["anthropic"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateAnyscaleCredentialDTO(TypedDict, total=False):
    """The API's ``CreateAnyscaleCredentialDTO`` (``"provider": "anyscale"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["anyscale"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateApiRequestToolDTO(TypedDict, total=False):
    """The API's ``CreateApiRequestToolDTO`` (``"type": "apiRequest"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["apiRequest"]]
    """The type of tool. "apiRequest" for API request tool."""
    method: Required[Literal["POST", "GET"]]
    timeoutSeconds: float
    """This is the timeout in seconds for the request. Defaults to 20 seconds.

    @default 20
    """
    name: str
    """This is the name of the tool. This will be passed to the model.

    Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 40.
    """
    description: str
    """This is the description of the tool. This will be passed to the model."""
    url: Required[str]
    """This is where the request will be sent."""
    body: JsonSchema
    """This is the body of the request."""
    headers: JsonSchema
    """These are the headers to send in the request."""
    backoffPlan: BackoffPlan
    """This is the backoff plan if the request fails. Defaults to undefined (the request will not be
    retried).

    @default undefined (the request will not be retried)
    """
    variableExtractionPlan: VariableExtractionPlan
    """This is the plan to extract variables from the tool's response. These will be accessible
    during the call and stored in `call.artifact.variableValues` after the call.

    Usage:
    1. Use `aliases` to extract variables from the tool's response body. (Most common case)

    ```json
    {
      "aliases": [
        {
          "key": "customerName",
          "value": "{{customer.name}}"
        },
        {
          "key": "customerAge",
          "value": "{{customer.age}}"
        }
      ]
    }
    ```

    The tool response body is made available to the liquid template.

    2. Use `aliases` to extract variables from the tool's response body if the response is an array.

    ```json
    {
      "aliases": [
        {
          "key": "customerName",
          "value": "{{$[0].name}}"
        },
        {
          "key": "customerAge",
          "value": "{{$[0].age}}"
        }
      ]
    }
    ```

    $ is a shorthand for the tool's response body. `$[0]` is the first item in the array. `$[n]` is
    the nth item in the array. Note, $ is available regardless of the response body type (both
    object and array).

    3. Use `aliases` to extract variables from the tool's response headers.

    ```json
    {
      "aliases": [
        {
          "key": "customerName",
          "value": "{{tool.response.headers.customer-name}}"
        },
        {
          "key": "customerAge",
          "value": "{{tool.response.headers.customer-age}}"
        }
      ]
    }
    ```

    `tool.response` is made available to the liquid template. Particularly, both
    `tool.response.headers` and `tool.response.body` are available. Note, `tool.response` is
    available regardless of the response body type (both object and array).

    4. Use `schema` to extract a large portion of the tool's response body.

    4.1. If you hit example.com and it returns `{"name": "John", "age": 30}`, then you can specify
    the schema as:

    ```json
    {
      "schema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "age": {
            "type": "number"
          }
        }
      }
    }
    ```

    4.2. If you hit example.com and it returns `{"name": {"first": "John", "last": "Doe"}}`, then
    you can specify the schema as:

    ```json
    {
      "schema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "object",
            "properties": {
              "first": {
                "type": "string"
              },
              "last": {
                "type": "string"
              }
            }
          }
        }
      }
    }
    ```

    These will be extracted as `{{ name }}` and `{{ age }}` respectively. To emphasize, object
    properties are extracted as direct global variables.

    4.3. If you hit example.com and it returns `{"name": {"first": "John", "last": "Doe"}}`, then
    you can specify the schema as:

    ```json
    {
      "schema": {
        "type": "object",
        "properties": {
          "name": {
            "type": "object",
            "properties": {
              "first": {
                "type": "string"
              },
              "last": {
                "type": "string"
              }
            }
          }
        }
      }
    }
    ```

    These will be extracted as `{{ name }}`. And, `{{ name.first }}` and `{{ name.last }}` will be
    accessible.

    4.4. If you hit example.com and it returns `["94123", "94124"]`, then you can specify the schema
    as:

    ```json
    {
      "schema": {
        "type": "array",
        "title": "zipCodes",
        "items": {
          "type": "string"
        }
      }
    }
    ```

    This will be extracted as `{{ zipCodes }}`. To access the array items, you can use `{{
    zipCodes[0] }}` and `{{ zipCodes[1] }}`.

    4.5. If you hit example.com and it returns `[{"name": "John", "age": 30, "zipCodes": ["94123",
    "94124"]}, {"name": "Jane", "age": 25, "zipCodes": ["94125", "94126"]}]`, then you can specify
    the schema as:

    ```json
    {
      "schema": {
        "type": "array",
        "title": "people",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "age": {
              "type": "number"
            },
            "zipCodes": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          }
        }
      }
    }
    ```

    This will be extracted as `{{ people }}`. To access the array items, you can use `{{
    people[n].name }}`, `{{ people[n].age }}`, `{{ people[n].zipCodes }}`, `{{ people[n].zipCodes[0]
    }}` and `{{ people[n].zipCodes[1] }}`.

    Note: Both `aliases` and `schema` can be used together.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateAssemblyAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateAssemblyAICredentialDTO`` (``"provider": "assembly-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["assembly-ai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateAzureCredentialDTO(TypedDict, total=False):
    """The API's ``CreateAzureCredentialDTO`` (``"provider": "azure"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["azure"]]
    service: Required[Literal["speech", "blob_storage"]]
    """This is the service being used in Azure."""
    region: Literal[
        "australia",
        "canadaeast",
        "canadacentral",
        "eastus2",
        "eastus",
        "france",
        "india",
        "japaneast",
        "japanwest",
        "uaenorth",
        "northcentralus",
        "norway",
        "southcentralus",
        "swedencentral",
        "switzerland",
        "uk",
        "westus",
        "westus3",
    ]
    """This is the region of the Azure resource."""
    apiKey: str
    """This is not returned in the API."""
    fallbackIndex: float
    """This is the order in which this storage provider is tried during upload retries. Lower
    numbers are tried first in increasing order.
    """
    bucketPlan: AzureBlobStorageBucketPlan
    """This is the bucket plan that can be provided to store call artifacts in Azure Blob Storage."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateAzureOpenAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateAzureOpenAICredentialDTO`` (``"provider": "azure-openai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["azure-openai"]]
    region: Required[
        Literal[
            "australia",
            "canadaeast",
            "canadacentral",
            "eastus2",
            "eastus",
            "france",
            "india",
            "japaneast",
            "japanwest",
            "uaenorth",
            "northcentralus",
            "norway",
            "southcentralus",
            "swedencentral",
            "switzerland",
            "uk",
            "westus",
            "westus3",
        ]
    ]
    models: Required[
        Sequence[
            Literal[
                "gpt-4.1-2025-04-14",
                "gpt-4.1-mini-2025-04-14",
                "gpt-4.1-nano-2025-04-14",
                "gpt-4o-2024-11-20",
                "gpt-4o-2024-08-06",
                "gpt-4o-2024-05-13",
                "gpt-4o-mini-2024-07-18",
                "gpt-4-turbo-2024-04-09",
                "gpt-4-0125-preview",
                "gpt-4-1106-preview",
                "gpt-4-0613",
                "gpt-35-turbo-0125",
                "gpt-35-turbo-1106",
            ]
        ]
    ]
    openAIKey: Required[str]
    """This is not returned in the API."""
    ocpApimSubscriptionKey: str
    """This is not returned in the API."""
    openAIEndpoint: Required[str]
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateBashToolDTO(TypedDict, total=False):
    """The API's ``CreateBashToolDTO`` (``"type": "bash"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["bash"]]
    """The type of tool. "bash" for Bash tool."""
    subType: Required[Literal["bash_20241022"]]
    """The sub type of tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    name: Required[Literal["bash"]]
    """The name of the tool, fixed to 'bash'"""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateByoSipTrunkCredentialDTO(TypedDict, total=False):
    """The API's ``CreateByoSipTrunkCredentialDTO`` (``"provider": "byo-sip-trunk"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Literal["byo-sip-trunk"]
    """This can be used to bring your own SIP trunks or to connect to a Carrier."""
    gateways: Required[Sequence[SipTrunkGateway]]
    """This is the list of SIP trunk's gateways."""
    outboundAuthenticationPlan: SipTrunkOutboundAuthenticationPlan
    """This can be used to configure the outbound authentication if required by the SIP trunk."""
    outboundLeadingPlusEnabled: bool
    """This ensures the outbound origination attempts have a leading plus. Defaults to false to
    match conventional telecom behavior.

    Usage:
    - Vonage/Twilio requires leading plus for all outbound calls. Set this to true.

    @default false
    """
    techPrefix: str
    """This can be used to configure the tech prefix on outbound calls. This is an advanced
    property.
    """
    sipDiversionHeader: str
    """This can be used to enable the SIP diversion header for authenticating the calling number if
    the SIP trunk supports it. This is an advanced property.
    """
    sbcConfiguration: SbcConfiguration
    """This is an advanced configuration for enterprise deployments. This uses the onprem SBC to
    trunk into the SIP trunk's `gateways`, rather than the managed SBC provided by Cozmox.
    """
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateCartesiaCredentialDTO(TypedDict, total=False):
    """The API's ``CreateCartesiaCredentialDTO`` (``"provider": "cartesia"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["cartesia"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateCerebrasCredentialDTO(TypedDict, total=False):
    """The API's ``CreateCerebrasCredentialDTO`` (``"provider": "cerebras"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["cerebras"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateCloudflareCredentialDTO(TypedDict, total=False):
    """The API's ``CreateCloudflareCredentialDTO`` (``"provider": "cloudflare"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["cloudflare"]]
    """Credential provider. Only allowed value is cloudflare"""
    accountId: str
    """Cloudflare Account Id."""
    apiKey: str
    """Cloudflare API Key / Token."""
    accountEmail: str
    """Cloudflare Account Email."""
    fallbackIndex: float
    """This is the order in which this storage provider is tried during upload retries. Lower
    numbers are tried first in increasing order.
    """
    bucketPlan: CloudflareR2BucketPlan
    """This is the bucket plan that can be provided to store call artifacts in R2"""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateComputerToolDTO(TypedDict, total=False):
    """The API's ``CreateComputerToolDTO`` (``"type": "computer"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["computer"]]
    """The type of tool. "computer" for Computer tool."""
    subType: Required[Literal["computer_20241022"]]
    """The sub type of tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    name: Required[Literal["computer"]]
    """The name of the tool, fixed to 'computer'"""
    displayWidthPx: Required[float]
    """The display width in pixels"""
    displayHeightPx: Required[float]
    """The display height in pixels"""
    displayNumber: float
    """Optional display number"""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateCustomKnowledgeBaseDTO(TypedDict, total=False):
    """The API's ``CreateCustomKnowledgeBaseDTO``.

    Used in ``AnthropicModel.knowledgeBase``: These are the options for the knowledge base.
    """

    provider: Required[Literal["custom-knowledge-base"]]
    """This knowledge base is bring your own knowledge base implementation."""
    server: Required[Server]
    """This is where the knowledge base request will be sent.

    Request Example:

    POST https://{server.url}
    Content-Type: application/json

    {
      "messsage": {
        "type": "knowledge-base-request",
        "messages": [
          {
            "role": "user",
            "content": "Why is ocean blue?"
          }
        ],
        ...other metadata about the call...
      }
    }

    Response Expected:
    ```
    {
      "message": {
         "role": "assistant",
         "content": "The ocean is blue because water absorbs everything but blue.",
      }, // YOU CAN RETURN THE EXACT RESPONSE TO SPEAK
      "documents": [
        {
          "content": "The ocean is blue primarily because water absorbs colors in the red part of the light spectrum and scatters the blue light, making it more visible to our eyes.",
          "similarity": 1
        },
        {
          "content": "Blue light is scattered more by the water molecules than other colors, enhancing the blue appearance of the ocean.",
          "similarity": .5
        }
      ] // OR, YOU CAN RETURN AN ARRAY OF DOCUMENTS THAT WILL BE SENT TO THE MODEL
    }
    ```
    """


class CreateCustomLLMCredentialDTO(TypedDict, total=False):
    """The API's ``CreateCustomLLMCredentialDTO`` (``"provider": "custom-llm"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["custom-llm"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    authenticationPlan: OAuth2AuthenticationPlan
    """This is the authentication plan. Currently supports OAuth2 RFC 6749. To use Bearer
    authentication, use apiKey
    """
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateDeepInfraCredentialDTO(TypedDict, total=False):
    """The API's ``CreateDeepInfraCredentialDTO`` (``"provider": "deepinfra"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["deepinfra"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateDeepSeekCredentialDTO(TypedDict, total=False):
    """The API's ``CreateDeepSeekCredentialDTO`` (``"provider": "deep-seek"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["deep-seek"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateDeepgramCredentialDTO(TypedDict, total=False):
    """The API's ``CreateDeepgramCredentialDTO`` (``"provider": "deepgram"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["deepgram"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    apiUrl: str
    """This can be used to point to an onprem Deepgram instance. Defaults to api.deepgram.com."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateDtmfToolDTO(TypedDict, total=False):
    """The API's ``CreateDtmfToolDTO`` (``"type": "dtmf"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["dtmf"]]
    """The type of tool. "dtmf" for DTMF tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateElevenLabsCredentialDTO(TypedDict, total=False):
    """The API's ``CreateElevenLabsCredentialDTO`` (``"provider": "11labs"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["11labs"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateEndCallToolDTO(TypedDict, total=False):
    """The API's ``CreateEndCallToolDTO`` (``"type": "endCall"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["endCall"]]
    """The type of tool. "endCall" for End Call tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


# async: This determines if the tool is async.
#
#   If async, the assistant will move forward without waiting for your server to respond. This is useful if you just want to trigger something on your server.
#
#   If sync, the assistant will wait for your server to respond. This is useful if want assistant to respond with the result from your server.
#
#   Defaults to synchronous (`false`).
_CreateFunctionToolDTOKeywords = TypedDict(
    "_CreateFunctionToolDTOKeywords", {"async": "bool"}, total=False
)


class CreateFunctionToolDTO(_CreateFunctionToolDTOKeywords, total=False):
    """The API's ``CreateFunctionToolDTO`` (``"type": "function"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["function"]]
    """The type of tool. "function" for Function tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGcpCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGcpCredentialDTO`` (``"provider": "gcp"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["gcp"]]
    fallbackIndex: float
    """This is the order in which this storage provider is tried during upload retries. Lower
    numbers are tried first in increasing order.
    """
    gcpKey: Required[GcpKey]
    """This is the GCP key. This is the JSON that can be generated in the Google Cloud Console at
    https://console.cloud.google.com/iam-admin/serviceaccounts/details/<service-account-id>/keys.

    The schema is identical to the JSON that GCP outputs.
    """
    region: str
    """This is the region of the GCP resource."""
    bucketPlan: BucketPlan
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGladiaCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGladiaCredentialDTO`` (``"provider": "gladia"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["gladia"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoHighLevelCalendarAvailabilityToolDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelCalendarAvailabilityToolDTO`` (``"type":
    "gohighlevel.calendar.availability.check"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["gohighlevel.calendar.availability.check"]]
    """The type of tool. "gohighlevel.calendar.availability.check" for GoHighLevel Calendar
    availability check tool.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoHighLevelCalendarEventCreateToolDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelCalendarEventCreateToolDTO`` (``"type":
    "gohighlevel.calendar.event.create"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["gohighlevel.calendar.event.create"]]
    """The type of tool. "gohighlevel.calendar.event.create" for GoHighLevel Calendar event create
    tool.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoHighLevelContactCreateToolDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelContactCreateToolDTO`` (``"type":
    "gohighlevel.contact.create"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["gohighlevel.contact.create"]]
    """The type of tool. "gohighlevel.contact.create" for GoHighLevel contact create tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoHighLevelContactGetToolDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelContactGetToolDTO`` (``"type": "gohighlevel.contact.get"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["gohighlevel.contact.get"]]
    """The type of tool. "gohighlevel.contact.get" for GoHighLevel contact get tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoHighLevelCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelCredentialDTO`` (``"provider": "gohighlevel"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["gohighlevel"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoHighLevelMCPCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoHighLevelMCPCredentialDTO`` (``"provider": "ghl.oauth2-authorization"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["ghl.oauth2-authorization"]]
    authenticationSession: Required[Oauth2AuthenticationSession]
    """This is the authentication session for the credential."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoogleCalendarCheckAvailabilityToolDTO(TypedDict, total=False):
    """The API's ``CreateGoogleCalendarCheckAvailabilityToolDTO`` (``"type":
    "google.calendar.availability.check"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["google.calendar.availability.check"]]
    """The type of tool. "google.calendar.availability.check" for Google Calendar availability check
    tool.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoogleCalendarCreateEventToolDTO(TypedDict, total=False):
    """The API's ``CreateGoogleCalendarCreateEventToolDTO`` (``"type":
    "google.calendar.event.create"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["google.calendar.event.create"]]
    """The type of tool. "google.calendar.event.create" for Google Calendar tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGoogleCalendarOAuth2AuthorizationCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoogleCalendarOAuth2AuthorizationCredentialDTO`` (``"provider":
    "google.calendar.oauth2-authorization"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["google.calendar.oauth2-authorization"]]
    authorizationId: Required[str]
    """The authorization ID for the OAuth2 authorization"""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoogleCalendarOAuth2ClientCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoogleCalendarOAuth2ClientCredentialDTO`` (``"provider":
    "google.calendar.oauth2-client"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["google.calendar.oauth2-client"]]
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoogleCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoogleCredentialDTO`` (``"provider": "google"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["google"]]
    """This is the key for Gemini in Google AI Studio. Get it from here:
    https://aistudio.google.com/app/apikey
    """
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoogleSheetsOAuth2AuthorizationCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGoogleSheetsOAuth2AuthorizationCredentialDTO`` (``"provider":
    "google.sheets.oauth2-authorization"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["google.sheets.oauth2-authorization"]]
    authorizationId: Required[str]
    """The authorization ID for the OAuth2 authorization"""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateGoogleSheetsRowAppendToolDTO(TypedDict, total=False):
    """The API's ``CreateGoogleSheetsRowAppendToolDTO`` (``"type": "google.sheets.row.append"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["google.sheets.row.append"]]
    """The type of tool. "google.sheets.row.append" for Google Sheets tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateGroqCredentialDTO(TypedDict, total=False):
    """The API's ``CreateGroqCredentialDTO`` (``"provider": "groq"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["groq"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateHumeCredentialDTO(TypedDict, total=False):
    """The API's ``CreateHumeCredentialDTO`` (``"provider": "hume"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["hume"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateInflectionAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateInflectionAICredentialDTO`` (``"provider": "inflection-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["inflection-ai"]]
    """This is the api key for Pi in InflectionAI's console. Get it from here:
    https://developers.inflection.ai/keys, billing will need to be setup
    """
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateLangfuseCredentialDTO(TypedDict, total=False):
    """The API's ``CreateLangfuseCredentialDTO`` (``"provider": "langfuse"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["langfuse"]]
    publicKey: Required[str]
    """The public key for Langfuse project. Eg: pk-lf-..."""
    apiKey: Required[str]
    """The secret key for Langfuse project. Eg: sk-lf-... .This is not returned in the API."""
    apiUrl: Required[str]
    """The host URL for Langfuse project. Eg: https://cloud.langfuse.com"""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateLmntCredentialDTO(TypedDict, total=False):
    """The API's ``CreateLmntCredentialDTO`` (``"provider": "lmnt"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["lmnt"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateMakeCredentialDTO(TypedDict, total=False):
    """The API's ``CreateMakeCredentialDTO`` (``"provider": "make"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["make"]]
    teamId: Required[str]
    """Team ID"""
    region: Required[str]
    """Region of your application. For example: eu1, eu2, us1, us2"""
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateMcpToolDTO(TypedDict, total=False):
    """The API's ``CreateMcpToolDTO`` (``"type": "mcp"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["mcp"]]
    """The type of tool. "mcp" for MCP tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    metadata: McpToolMetadata
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateMistralCredentialDTO(TypedDict, total=False):
    """The API's ``CreateMistralCredentialDTO`` (``"provider": "mistral"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["mistral"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateNeuphonicCredentialDTO(TypedDict, total=False):
    """The API's ``CreateNeuphonicCredentialDTO`` (``"provider": "neuphonic"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["neuphonic"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateOpenAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateOpenAICredentialDTO`` (``"provider": "openai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["openai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateOpenRouterCredentialDTO(TypedDict, total=False):
    """The API's ``CreateOpenRouterCredentialDTO`` (``"provider": "openrouter"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["openrouter"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreatePerplexityAICredentialDTO(TypedDict, total=False):
    """The API's ``CreatePerplexityAICredentialDTO`` (``"provider": "perplexity-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["perplexity-ai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreatePlayHTCredentialDTO(TypedDict, total=False):
    """The API's ``CreatePlayHTCredentialDTO`` (``"provider": "playht"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["playht"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    userId: Required[str]
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateQueryToolDTO(TypedDict, total=False):
    """The API's ``CreateQueryToolDTO`` (``"type": "query"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["query"]]
    """The type of tool. "query" for Query tool."""
    knowledgeBases: Sequence[KnowledgeBase]
    """The knowledge bases to query"""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateRimeAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateRimeAICredentialDTO`` (``"provider": "rime-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["rime-ai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateRunpodCredentialDTO(TypedDict, total=False):
    """The API's ``CreateRunpodCredentialDTO`` (``"provider": "runpod"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["runpod"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateS3CredentialDTO(TypedDict, total=False):
    """The API's ``CreateS3CredentialDTO`` (``"provider": "s3"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["s3"]]
    """Credential provider. Only allowed value is s3"""
    awsAccessKeyId: Required[str]
    """AWS access key ID."""
    awsSecretAccessKey: Required[str]
    """AWS access key secret. This is not returned in the API."""
    region: Required[str]
    """AWS region in which the S3 bucket is located."""
    s3BucketName: Required[str]
    """AWS S3 bucket name."""
    s3PathPrefix: Required[str]
    """The path prefix for the uploaded recording. Ex. "recordings/\""""
    fallbackIndex: float
    """This is the order in which this storage provider is tried during upload retries. Lower
    numbers are tried first in increasing order.
    """
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateSlackOAuth2AuthorizationCredentialDTO(TypedDict, total=False):
    """The API's ``CreateSlackOAuth2AuthorizationCredentialDTO`` (``"provider":
    "slack.oauth2-authorization"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["slack.oauth2-authorization"]]
    authorizationId: Required[str]
    """The authorization ID for the OAuth2 authorization"""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateSlackSendMessageToolDTO(TypedDict, total=False):
    """The API's ``CreateSlackSendMessageToolDTO`` (``"type": "slack.message.send"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["slack.message.send"]]
    """The type of tool. "slack.message.send" for Slack send message tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateSmallestAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateSmallestAICredentialDTO`` (``"provider": "smallest-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["smallest-ai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateSmsToolDTO(TypedDict, total=False):
    """The API's ``CreateSmsToolDTO`` (``"type": "sms"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["sms"]]
    """The type of tool. "sms" for Twilio SMS sending tool."""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateSpeechmaticsCredentialDTO(TypedDict, total=False):
    """The API's ``CreateSpeechmaticsCredentialDTO`` (``"provider": "speechmatics"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["speechmatics"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateSupabaseCredentialDTO(TypedDict, total=False):
    """The API's ``CreateSupabaseCredentialDTO`` (``"provider": "supabase"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["supabase"]]
    """This is for supabase storage."""
    fallbackIndex: float
    """This is the order in which this storage provider is tried during upload retries. Lower
    numbers are tried first in increasing order.
    """
    bucketPlan: SupabaseBucketPlan
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateTavusCredentialDTO(TypedDict, total=False):
    """The API's ``CreateTavusCredentialDTO`` (``"provider": "tavus"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["tavus"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateTextEditorToolDTO(TypedDict, total=False):
    """The API's ``CreateTextEditorToolDTO`` (``"type": "textEditor"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["textEditor"]]
    """The type of tool. "textEditor" for Text Editor tool."""
    subType: Required[Literal["text_editor_20241022"]]
    """The sub type of tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    name: Required[Literal["str_replace_editor"]]
    """The name of the tool, fixed to 'str_replace_editor'"""
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateTogetherAICredentialDTO(TypedDict, total=False):
    """The API's ``CreateTogetherAICredentialDTO`` (``"provider": "together-ai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["together-ai"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateTransferCallToolDTO(TypedDict, total=False):
    """The API's ``CreateTransferCallToolDTO`` (``"type": "transferCall"``).

    Used in ``AnthropicModel.tools``: These are the tools that the assistant can use during the
    call.
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["transferCall"]]
    destinations: Sequence[
        TransferDestinationAssistant | TransferDestinationNumber | TransferDestinationSip
    ]
    """These are the destinations that the call can be transferred to. If no destinations are
    provided, server.url will be used to get the transfer destination once the tool is called.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class CreateTrieveCredentialDTO(TypedDict, total=False):
    """The API's ``CreateTrieveCredentialDTO`` (``"provider": "trieve"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["trieve"]]
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateTwilioCredentialDTO(TypedDict, total=False):
    """The API's ``CreateTwilioCredentialDTO`` (``"provider": "twilio"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["twilio"]]
    authToken: str
    """This is not returned in the API."""
    apiKey: str
    """This is not returned in the API."""
    apiSecret: str
    """This is not returned in the API."""
    accountSid: Required[str]
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateVonageCredentialDTO(TypedDict, total=False):
    """The API's ``CreateVonageCredentialDTO`` (``"provider": "vonage"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["vonage"]]
    apiSecret: Required[str]
    """This is not returned in the API."""
    apiKey: Required[str]
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateWebhookCredentialDTO(TypedDict, total=False):
    """The API's ``CreateWebhookCredentialDTO`` (``"provider": "webhook"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["webhook"]]
    authenticationPlan: Required[OAuth2AuthenticationPlan | HMACAuthenticationPlan]
    """This is the authentication plan. Supports OAuth2 RFC 6749 and HMAC signing."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CreateXAiCredentialDTO(TypedDict, total=False):
    """The API's ``CreateXAiCredentialDTO`` (``"provider": "xai"``).

    Used in ``AssistantOverrides.credentials``: These are dynamic credentials that will be used for
    the assistant calls.
    """

    provider: Required[Literal["xai"]]
    """This is the api key for Grok in XAi's console. Get it from here: https://console.x.ai"""
    apiKey: Required[str]
    """This is not returned in the API."""
    name: str
    """This is the name of credential. This is just for your reference."""


class CustomEndpointingModelSmartEndpointingPlan(TypedDict, total=False):
    """The API's ``CustomEndpointingModelSmartEndpointingPlan`` (``"provider":
    "custom-endpointing-model"``).

    Used in ``StartSpeakingPlan.smartEndpointingPlan``: This is the plan for smart endpointing.
    """

    provider: Required[Literal["cozmox", "livekit", "custom-endpointing-model"]]
    """This is the provider for the smart endpointing plan. Use `custom-endpointing-model` for
    custom endpointing providers that are not natively supported.
    """
    server: Server
    """This is where the endpointing request will be sent. If not provided, will be sent to
    `assistant.server`. If that does not exist either, will be sent to `org.server`.

    Request Example:

    POST https://{server.url}
    Content-Type: application/json

    {
      "message": {
        "type": "call.endpointing.request",
        "messages": [
          {
            "role": "user",
            "message": "Hello, how are you?",
            "time": 1234567890,
            "secondsFromStart": 0
          }
        ],
        ...other metadata about the call...
      }
    }

    Response Expected:
    {
      "timeoutSeconds": 0.5
    }

    The timeout is the number of seconds to wait before considering the user's speech as finished.
    The endpointing timeout is automatically reset each time a new transcript is received (and
    another `call.endpointing.request` is sent).
    """


class CustomLLMModel(TypedDict, total=False):
    """The API's ``CustomLLMModel`` (``"provider": "custom-llm"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["custom-llm"]]
    """This is the provider that will be used for the model. Any service, including your own server,
    that is compatible with the OpenAI API can be used.
    """
    metadataSendMode: Literal["off", "variable", "destructured"]
    """This determines whether metadata is sent in requests to the custom provider.

    - `off` will not send any metadata. payload will look like `{ messages }`
    - `variable` will send `assistant.metadata` as a variable on the payload. payload will look like
      `{ messages, metadata }`
    - `destructured` will send `assistant.metadata` fields directly on the payload. payload will
      look like `{ messages, ...metadata }`

    Further, `variable` and `destructured` will send `call`, `phoneNumber`, and `customer` objects
    in the payload.

    Default is `variable`.
    """
    url: Required[str]
    """These is the URL we'll use for the OpenAI client's `baseURL`. Ex.
    https://openrouter.ai/api/v1
    """
    timeoutSeconds: float
    """This sets the timeout for the connection to the custom provider without needing to stream any
    tokens back. Default is 20 seconds.
    """
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class CustomMessage(TypedDict, total=False):
    """The API's ``CustomMessage``.

    Used in ``TransferDestinationAssistant.message``: This is spoken to the customer before
    connecting them to the destination.
    """

    contents: Sequence[TextContent]
    """This is an alternative to the `content` property. It allows to specify variants of the same
    content, one per language.

    Usage:
    - If your assistants are multilingual, you can provide content for each language.
    - If you don't provide content for a language, the first item in the array will be automatically
      translated to the active language at that moment.

    This will override the `content` property.
    """
    type: Required[Literal["custom-message"]]
    """This is a custom message."""
    content: str
    """This is the content that the assistant will say when this message is triggered."""


class CustomTranscriber(TypedDict, total=False):
    """The API's ``CustomTranscriber`` (``"provider": "custom-transcriber"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["custom-transcriber"]]
    """This is the transcription provider that will be used. Use `custom-transcriber` for providers
    that are not natively supported.
    """
    server: Required[Server]
    """This is where the transcription request will be sent.

    Usage:
    1. Cozmox will initiate a websocket connection with `server.url`.

    2. Cozmox will send an initial text frame with the sample rate. Format:
    ```
        {
          "type": "start",
          "encoding": "linear16", // 16-bit raw PCM format
          "container": "raw",
          "sampleRate": {{sampleRate}},
          "channels": 2 // customer is channel 0, assistant is channel 1
        }
    ```

    3. Cozmox will send the audio data in 16-bit raw PCM format as binary frames.

    4. You can read the messages something like this:
    ```
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        pcmBuffer = Buffer.concat([pcmBuffer, data]);
        console.log(`Received PCM data, buffer size: ${pcmBuffer.length}`);
      } else {
        console.log('Received message:', JSON.parse(data.toString()));
      }
    });
    ```

    5. You will respond with transcriptions as you have them. Format:
    ```
     {
        "type": "transcriber-response",
        "transcription": "Hello, world!",
        "channel": "customer" | "assistant"
     }
    ```
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class CustomVoice(TypedDict, total=False):
    """The API's ``CustomVoice`` (``"provider": "custom-voice"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["custom-voice"]]
    """This is the voice provider that will be used. Use `custom-voice` for providers that are not
    natively supported.
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    server: Required[Server]
    """This is where the voice request will be sent.

    Request Example:

    POST https://{server.url}
    Content-Type: application/json

    {
      "message": {
        "type": "voice-request",
        "text": "Hello, world!",
        "sampleRate": 24000,
        ...other metadata about the call...
      }
    }

    Response Expected: 1-channel 16-bit raw PCM audio at the sample rate specified in the request.
    Here is how the response will be piped to the transport:
    ```
    response.on('data', (chunk: Buffer) => {
      outputStream.write(chunk);
    });
    ```
    """
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class CustomerCustomEndpointingRule(TypedDict, total=False):
    """The API's ``CustomerCustomEndpointingRule`` (``"type": "customer"``).

    Used in ``StartSpeakingPlan.customEndpointingRules``: These are the custom endpointing rules to
    set an endpointing timeout based on a regex on the customer's speech or the assistant's last
    message.
    """

    type: Required[Literal["customer"]]
    """This endpointing rule is based on current customer message as they are speaking.

    Flow:
    - Assistant speaks
    - Customer starts speaking
    - Customer transcription comes in
    - This rule is evaluated on the current customer transcription
    - If a match is found based on `regex`, the endpointing timeout is set to `timeoutSeconds`

    Usage:
    - If you want to wait longer while customer is speaking numbers, you can set a longer timeout.
    """
    regex: Required[str]
    """This is the regex pattern to match.

    Note:
    - This works by using the `RegExp.test` method in Node.JS. Eg. `/hello/.test("hello there")`
      will return `true`.

    Hot tip:
    - In JavaScript, escape `\\` when sending the regex pattern. Eg. `"hello\\sthere"` will be sent
      over the wire as `"hellosthere"`. Send `"hello\\\\sthere"` instead.
    - `RegExp.test` does substring matching, so `/cat/.test("I love cats")` will return `true`. To
      do full string matching, send "^cat$".
    """
    regexOptions: Sequence[RegexOption]
    """These are the options for the regex match. Defaults to all disabled.

    @default []
    """
    timeoutSeconds: Required[float]
    """This is the endpointing timeout in seconds, if the rule is matched."""


class DeepInfraModel(TypedDict, total=False):
    """The API's ``DeepInfraModel`` (``"provider": "deepinfra"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["deepinfra"]]
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class DeepSeekModel(TypedDict, total=False):
    """The API's ``DeepSeekModel`` (``"provider": "deep-seek"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[Literal["deepseek-chat", "deepseek-reasoner"]]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    provider: Required[Literal["deep-seek"]]
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class DeepgramTranscriber(TypedDict, total=False):
    """The API's ``DeepgramTranscriber`` (``"provider": "deepgram"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["deepgram"]]
    """This is the transcription provider that will be used."""
    model: (
        Literal[
            "nova-3",
            "nova-3-general",
            "nova-3-medical",
            "nova-2",
            "nova-2-general",
            "nova-2-meeting",
            "nova-2-phonecall",
            "nova-2-finance",
            "nova-2-conversationalai",
            "nova-2-voicemail",
            "nova-2-video",
            "nova-2-medical",
            "nova-2-drivethru",
            "nova-2-automotive",
            "nova",
            "nova-general",
            "nova-phonecall",
            "nova-medical",
            "enhanced",
            "enhanced-general",
            "enhanced-meeting",
            "enhanced-phonecall",
            "enhanced-finance",
            "base",
            "base-general",
            "base-meeting",
            "base-phonecall",
            "base-finance",
            "base-conversationalai",
            "base-voicemail",
            "base-video",
            "whisper",
        ]
        | str
    )
    """This is the Deepgram model that will be used. A list of models can be found here:
    https://developers.deepgram.com/docs/models-languages-overview
    """
    language: Literal[
        "ar",
        "az",
        "ba",
        "bg",
        "br",
        "ca",
        "cs",
        "da",
        "da-DK",
        "de",
        "de-CH",
        "el",
        "en",
        "en-AU",
        "en-GB",
        "en-IN",
        "en-NZ",
        "en-US",
        "es",
        "es-419",
        "es-LATAM",
        "et",
        "eu",
        "fi",
        "fr",
        "fr-CA",
        "ha",
        "haw",
        "he",
        "hi",
        "hi-Latn",
        "hu",
        "id",
        "is",
        "it",
        "ja",
        "jw",
        "kn",
        "ko",
        "ko-KR",
        "ln",
        "lt",
        "lv",
        "mk",
        "ms",
        "multi",
        "nl",
        "nl-BE",
        "no",
        "pl",
        "pt",
        "pt-BR",
        "ro",
        "ru",
        "sk",
        "sl",
        "sn",
        "so",
        "sr",
        "su",
        "sv",
        "sv-SE",
        "ta",
        "taq",
        "th",
        "th-TH",
        "tr",
        "tt",
        "uk",
        "ur",
        "vi",
        "yo",
        "zh",
        "zh-CN",
        "zh-HK",
        "zh-Hans",
        "zh-Hant",
        "zh-TW",
    ]
    """This is the language that will be set for the transcription. The list of languages Deepgram
    supports can be found here: https://developers.deepgram.com/docs/models-languages-overview
    """
    smartFormat: bool
    """This will be use smart format option provided by Deepgram. It's default disabled because it
    can sometimes format numbers as times but it's getting better.
    """
    mipOptOut: bool
    """If set to true, this will add mip_opt_out=true as a query parameter of all API requests. See
    https://developers.deepgram.com/docs/the-deepgram-model-improvement-partnership-program#want-to-opt-out

    This will only be used if you are using your own Deepgram API key.

    @default false
    """
    numerals: bool
    """If set to true, this will cause deepgram to convert spoken numbers to literal numerals. For
    example, "my phone number is nine-seven-two..." would become "my phone number is 972..."

    @default false
    """
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """
    keywords: Sequence[str]
    """These keywords are passed to the transcription model to help it pick up use-case specific
    words. Anything that may not be a common word, like your company name, should be added here.
    """
    keyterm: Sequence[str]
    """Keyterm Prompting allows you improve Keyword Recall Rate (KRR) for important keyterms or
    phrases up to 90%.
    """
    endpointing: float
    """This is the timeout after which Deepgram will send transcription on user silence. You can
    read in-depth documentation here: https://developers.deepgram.com/docs/endpointing.

    Here are the most important bits:
    - Defaults to 10. This is recommended for most use cases to optimize for latency.
    - 10 can cause some missing transcriptions since because of the shorter context. This mostly
      happens for one-word utterances. For those uses cases, it's recommended to try 300. It will
      add a bit of latency but the quality and reliability of the experience will be better.
    - If neither 10 nor 300 work, contact support@cozmox.ai and we'll find another solution.

    @default 10
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class DeepgramVoice(TypedDict, total=False):
    """The API's ``DeepgramVoice`` (``"provider": "deepgram"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["deepgram"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "asteria",
            "luna",
            "stella",
            "athena",
            "hera",
            "orion",
            "arcas",
            "perseus",
            "angus",
            "orpheus",
            "helios",
            "zeus",
            "thalia",
            "andromeda",
            "helena",
            "apollo",
            "arcas",
            "aries",
            "amalthea",
            "asteria",
            "athena",
            "atlas",
            "aurora",
            "callista",
            "cora",
            "cordelia",
            "delia",
            "draco",
            "electra",
            "harmonia",
            "hera",
            "hermes",
            "hyperion",
            "iris",
            "janus",
            "juno",
            "jupiter",
            "luna",
            "mars",
            "minerva",
            "neptune",
            "odysseus",
            "ophelia",
            "orion",
            "orpheus",
            "pandora",
            "phoebe",
            "pluto",
            "saturn",
            "selene",
            "theia",
            "vesta",
            "zeus",
        ]
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["aura", "aura-2"]
    """This is the model that will be used. Defaults to 'aura-2' when not specified."""
    mipOptOut: bool
    """If set to true, this will add mip_opt_out=true as a query parameter of all API requests. See
    https://developers.deepgram.com/docs/the-deepgram-model-improvement-partnership-program#want-to-opt-out

    This will only be used if you are using your own Deepgram API key.

    @default false
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class ElevenLabsTranscriber(TypedDict, total=False):
    """The API's ``ElevenLabsTranscriber`` (``"provider": "11labs"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["11labs"]]
    """This is the transcription provider that will be used."""
    model: Literal["scribe_v1"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
    ]
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class ElevenLabsVoice(TypedDict, total=False):
    """The API's ``ElevenLabsVoice`` (``"provider": "11labs"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["11labs"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "burt",
            "marissa",
            "andrea",
            "sarah",
            "phillip",
            "steve",
            "joseph",
            "myra",
            "paula",
            "ryan",
            "drew",
            "paul",
            "mrb",
            "matilda",
            "mark",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used. Ensure the Voice is present in your
    11Labs Voice Library.
    """
    stability: float
    """Defines the stability for voice settings."""
    similarityBoost: float
    """Defines the similarity boost for voice settings."""
    style: float
    """Defines the style for voice settings."""
    useSpeakerBoost: bool
    """Defines the use speaker boost for voice settings."""
    speed: float
    """Defines the speed for voice settings."""
    optimizeStreamingLatency: float
    """Defines the optimize streaming latency for voice settings. Defaults to 3."""
    enableSsmlParsing: bool
    """This enables the use of https://elevenlabs.io/docs/speech-synthesis/prompting#pronunciation.
    Defaults to false to save latency.

    @default false
    """
    autoMode: bool
    """Defines the auto mode for voice settings. Defaults to false."""
    model: Literal[
        "eleven_multilingual_v2",
        "eleven_turbo_v2",
        "eleven_turbo_v2_5",
        "eleven_flash_v2",
        "eleven_flash_v2_5",
        "eleven_monolingual_v1",
    ]
    """This is the model that will be used. Defaults to 'eleven_turbo_v2' if not specified."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    language: str
    """This is the language (ISO 639-1) that is enforced for the model. Currently only Turbo v2.5
    supports language enforcement. For other models, an error will be returned if language code is
    provided.
    """
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class ExactReplacement(TypedDict, total=False):
    """The API's ``ExactReplacement`` (``"type": "exact"``).

    Used in ``FormatPlan.replacements``: These are the custom replacements you can make to the chunk
    before it is sent to the voice provider.
    """

    type: Required[Literal["exact"]]
    """This is the exact replacement type. You can use this to replace a specific word or phrase
    with a different word or phrase.

    Usage:
    - Replace "hello" with "hi": { type: 'exact', key: 'hello', value: 'hi' }
    - Replace "good morning" with "good day": { type: 'exact', key: 'good morning', value: 'good
      day' }
    - Replace a specific name: { type: 'exact', key: 'John Doe', value: 'Jane Smith' }
    - Replace an acronym: { type: 'exact', key: 'AI', value: 'Artificial Intelligence' }
    - Replace a company name with its phonetic pronunciation: { type: 'exact', key: 'Cozmox', value:
      'Vappy' }
    """
    replaceAllEnabled: bool
    """This option let's you control whether to replace all instances of the key or only the first
    one. By default, it only replaces the first instance.
    Examples:
    - For { type: 'exact', key: 'hello', value: 'hi', replaceAllEnabled: false }. Before: "hello
      world, hello universe" | After: "hi world, hello universe"
    - For { type: 'exact', key: 'hello', value: 'hi', replaceAllEnabled: true }. Before: "hello
      world, hello universe" | After: "hi world, hi universe"
    @default false
    """
    key: Required[str]
    """This is the key to replace."""
    value: Required[str]
    """This is the value that will replace the match."""


class FallbackAssemblyAITranscriber(TypedDict, total=False):
    """The API's ``FallbackAssemblyAITranscriber`` (``"provider": "assembly-ai"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["assembly-ai"]]
    """This is the transcription provider that will be used."""
    language: Literal["en"]
    """This is the language that will be set for the transcription."""
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """
    enableUniversalStreamingApi: bool
    """Uses Assembly AI's new Universal Streaming API. See:
    https://www.assemblyai.com/docs/speech-to-text/universal-streaming

    @default false
    """
    formatTurns: bool
    """This enables formatting of transcripts. Only used when `enableUniversalStreamingApi` is true.

    @default false
    """
    endOfTurnConfidenceThreshold: float
    """The confidence threshold to use when determining if the end of a turn has been reached. Only
    used when `enableUniversalStreamingApi` is true.

    @default 0.7
    """
    minEndOfTurnSilenceWhenConfident: float
    """The minimum amount of silence in milliseconds required to detect end of turn when confident.
    Only used when `enableUniversalStreamingApi` is true.

    @default 160
    """
    wordFinalizationMaxWaitTime: float
    """The maximum wait time for word finalization. Only used when `enableUniversalStreamingApi` is
    true.

    @default 160
    """
    maxTurnSilence: float
    """The maximum amount of silence in milliseconds allowed in a turn before end of turn is
    triggered. Only used when `enableUniversalStreamingApi` is true.

    @default 400
    """
    realtimeUrl: str
    """The WebSocket URL that the transcriber connects to."""
    wordBoost: Sequence[str]
    """Add up to 2500 characters of custom vocabulary."""
    endUtteranceSilenceThreshold: float
    """The duration of the end utterance silence threshold in milliseconds."""
    disablePartialTranscripts: bool
    """Disable partial transcripts.
    Set to `true` to not receive partial transcripts. Defaults to `false`.
    """


class FallbackAzureSpeechTranscriber(TypedDict, total=False):
    """The API's ``FallbackAzureSpeechTranscriber`` (``"provider": "azure"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["azure"]]
    """This is the transcription provider that will be used."""
    language: Literal[
        "af-ZA",
        "am-ET",
        "ar-AE",
        "ar-BH",
        "ar-DZ",
        "ar-EG",
        "ar-IL",
        "ar-IQ",
        "ar-JO",
        "ar-KW",
        "ar-LB",
        "ar-LY",
        "ar-MA",
        "ar-OM",
        "ar-PS",
        "ar-QA",
        "ar-SA",
        "ar-SY",
        "ar-TN",
        "ar-YE",
        "az-AZ",
        "bg-BG",
        "bn-IN",
        "bs-BA",
        "ca-ES",
        "cs-CZ",
        "cy-GB",
        "da-DK",
        "de-AT",
        "de-CH",
        "de-DE",
        "el-GR",
        "en-AU",
        "en-CA",
        "en-GB",
        "en-GH",
        "en-HK",
        "en-IE",
        "en-IN",
        "en-KE",
        "en-NG",
        "en-NZ",
        "en-PH",
        "en-SG",
        "en-TZ",
        "en-US",
        "en-ZA",
        "es-AR",
        "es-BO",
        "es-CL",
        "es-CO",
        "es-CR",
        "es-CU",
        "es-DO",
        "es-EC",
        "es-ES",
        "es-GQ",
        "es-GT",
        "es-HN",
        "es-MX",
        "es-NI",
        "es-PA",
        "es-PE",
        "es-PR",
        "es-PY",
        "es-SV",
        "es-US",
        "es-UY",
        "es-VE",
        "et-EE",
        "eu-ES",
        "fa-IR",
        "fi-FI",
        "fil-PH",
        "fr-BE",
        "fr-CA",
        "fr-CH",
        "fr-FR",
        "ga-IE",
        "gl-ES",
        "gu-IN",
        "he-IL",
        "hi-IN",
        "hr-HR",
        "hu-HU",
        "hy-AM",
        "id-ID",
        "is-IS",
        "it-CH",
        "it-IT",
        "ja-JP",
        "jv-ID",
        "ka-GE",
        "kk-KZ",
        "km-KH",
        "kn-IN",
        "ko-KR",
        "lo-LA",
        "lt-LT",
        "lv-LV",
        "mk-MK",
        "ml-IN",
        "mn-MN",
        "mr-IN",
        "ms-MY",
        "mt-MT",
        "my-MM",
        "nb-NO",
        "ne-NP",
        "nl-BE",
        "nl-NL",
        "pa-IN",
        "pl-PL",
        "ps-AF",
        "pt-BR",
        "pt-PT",
        "ro-RO",
        "ru-RU",
        "si-LK",
        "sk-SK",
        "sl-SI",
        "so-SO",
        "sq-AL",
        "sr-RS",
        "sv-SE",
        "sw-KE",
        "sw-TZ",
        "ta-IN",
        "te-IN",
        "th-TH",
        "tr-TR",
        "uk-UA",
        "ur-IN",
        "uz-UZ",
        "vi-VN",
        "wuu-CN",
        "yue-CN",
        "zh-CN",
        "zh-CN-shandong",
        "zh-CN-sichuan",
        "zh-HK",
        "zh-TW",
        "zu-ZA",
    ]
    """This is the language that will be set for the transcription. The list of languages Azure
    supports can be found here:
    https://learn.microsoft.com/en-us/azure/ai-services/speech-service/language-support?tabs=stt
    """


class FallbackAzureVoice(TypedDict, total=False):
    """The API's ``FallbackAzureVoice`` (``"provider": "azure"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["azure"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["andrew", "brian", "emma"] | str]
    """This is the provider-specific ID that will be used."""
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackCartesiaTranscriber(TypedDict, total=False):
    """The API's ``FallbackCartesiaTranscriber`` (``"provider": "cartesia"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["cartesia"]]
    model: Literal["ink-whisper"]
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
    ]


class FallbackCartesiaVoice(TypedDict, total=False):
    """The API's ``FallbackCartesiaVoice`` (``"provider": "cartesia"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["cartesia"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """The ID of the particular voice you want to use."""
    model: Literal["sonic-2", "sonic-english", "sonic-multilingual", "sonic-preview", "sonic"]
    """This is the model that will be used. This is optional and will default to the correct model
    for the voiceId.
    """
    language: Literal[
        "en", "de", "es", "fr", "ja", "pt", "zh", "hi", "it", "ko", "nl", "pl", "ru", "sv", "tr"
    ]
    """This is the language that will be used. This is optional and will default to the correct
    language for the voiceId.
    """
    experimentalControls: CartesiaExperimentalControls
    """Experimental controls for Cartesia voice generation"""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackCozmoxVoice(TypedDict, total=False):
    """The API's ``FallbackCozmoxVoice`` (``"provider": "cozmox"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["cozmox"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "Elliot",
            "Kylie",
            "Rohan",
            "Lily",
            "Savannah",
            "Hana",
            "Neha",
            "Cole",
            "Harry",
            "Paige",
            "Spencer",
        ]
    ]
    """The voices provided by Cozmox"""
    speed: float
    """This is the speed multiplier that will be used.

    @default 1
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackCustomTranscriber(TypedDict, total=False):
    """The API's ``FallbackCustomTranscriber`` (``"provider": "custom-transcriber"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["custom-transcriber"]]
    """This is the transcription provider that will be used. Use `custom-transcriber` for providers
    that are not natively supported.
    """
    server: Required[Server]
    """This is where the transcription request will be sent.

    Usage:
    1. Cozmox will initiate a websocket connection with `server.url`.

    2. Cozmox will send an initial text frame with the sample rate. Format:
    ```
        {
          "type": "start",
          "encoding": "linear16", // 16-bit raw PCM format
          "container": "raw",
          "sampleRate": {{sampleRate}},
          "channels": 2 // customer is channel 0, assistant is channel 1
        }
    ```

    3. Cozmox will send the audio data in 16-bit raw PCM format as binary frames.

    4. You can read the messages something like this:
    ```
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        pcmBuffer = Buffer.concat([pcmBuffer, data]);
        console.log(`Received PCM data, buffer size: ${pcmBuffer.length}`);
      } else {
        console.log('Received message:', JSON.parse(data.toString()));
      }
    });
    ```

    5. You will respond with transcriptions as you have them. Format:
    ```
     {
        "type": "transcriber-response",
        "transcription": "Hello, world!",
        "channel": "customer" | "assistant"
     }
    ```
    """


class FallbackCustomVoice(TypedDict, total=False):
    """The API's ``FallbackCustomVoice`` (``"provider": "custom-voice"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["custom-voice"]]
    """This is the voice provider that will be used. Use `custom-voice` for providers that are not
    natively supported.
    """
    server: Required[Server]
    """This is where the voice request will be sent.

    Request Example:

    POST https://{server.url}
    Content-Type: application/json

    {
      "message": {
        "type": "voice-request",
        "text": "Hello, world!",
        "sampleRate": 24000,
        ...other metadata about the call...
      }
    }

    Response Expected: 1-channel 16-bit raw PCM audio at the sample rate specified in the request.
    Here is how the response will be piped to the transport:
    ```
    response.on('data', (chunk: Buffer) => {
      outputStream.write(chunk);
    });
    ```
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackDeepgramTranscriber(TypedDict, total=False):
    """The API's ``FallbackDeepgramTranscriber`` (``"provider": "deepgram"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["deepgram"]]
    """This is the transcription provider that will be used."""
    model: (
        Literal[
            "nova-3",
            "nova-3-general",
            "nova-3-medical",
            "nova-2",
            "nova-2-general",
            "nova-2-meeting",
            "nova-2-phonecall",
            "nova-2-finance",
            "nova-2-conversationalai",
            "nova-2-voicemail",
            "nova-2-video",
            "nova-2-medical",
            "nova-2-drivethru",
            "nova-2-automotive",
            "nova",
            "nova-general",
            "nova-phonecall",
            "nova-medical",
            "enhanced",
            "enhanced-general",
            "enhanced-meeting",
            "enhanced-phonecall",
            "enhanced-finance",
            "base",
            "base-general",
            "base-meeting",
            "base-phonecall",
            "base-finance",
            "base-conversationalai",
            "base-voicemail",
            "base-video",
            "whisper",
        ]
        | str
    )
    """This is the Deepgram model that will be used. A list of models can be found here:
    https://developers.deepgram.com/docs/models-languages-overview
    """
    language: Literal[
        "ar",
        "az",
        "ba",
        "bg",
        "br",
        "ca",
        "cs",
        "da",
        "da-DK",
        "de",
        "de-CH",
        "el",
        "en",
        "en-AU",
        "en-GB",
        "en-IN",
        "en-NZ",
        "en-US",
        "es",
        "es-419",
        "es-LATAM",
        "et",
        "eu",
        "fi",
        "fr",
        "fr-CA",
        "ha",
        "haw",
        "he",
        "hi",
        "hi-Latn",
        "hu",
        "id",
        "is",
        "it",
        "ja",
        "jw",
        "kn",
        "ko",
        "ko-KR",
        "ln",
        "lt",
        "lv",
        "mk",
        "ms",
        "multi",
        "nl",
        "nl-BE",
        "no",
        "pl",
        "pt",
        "pt-BR",
        "ro",
        "ru",
        "sk",
        "sl",
        "sn",
        "so",
        "sr",
        "su",
        "sv",
        "sv-SE",
        "ta",
        "taq",
        "th",
        "th-TH",
        "tr",
        "tt",
        "uk",
        "ur",
        "vi",
        "yo",
        "zh",
        "zh-CN",
        "zh-HK",
        "zh-Hans",
        "zh-Hant",
        "zh-TW",
    ]
    """This is the language that will be set for the transcription. The list of languages Deepgram
    supports can be found here: https://developers.deepgram.com/docs/models-languages-overview
    """
    smartFormat: bool
    """This will be use smart format option provided by Deepgram. It's default disabled because it
    can sometimes format numbers as times but it's getting better.
    """
    mipOptOut: bool
    """If set to true, this will add mip_opt_out=true as a query parameter of all API requests. See
    https://developers.deepgram.com/docs/the-deepgram-model-improvement-partnership-program#want-to-opt-out

    This will only be used if you are using your own Deepgram API key.

    @default false
    """
    numerals: bool
    """If set to true, this will cause deepgram to convert spoken numbers to literal numerals. For
    example, "my phone number is nine-seven-two..." would become "my phone number is 972..."

    @default false
    """
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """
    keywords: Sequence[str]
    """These keywords are passed to the transcription model to help it pick up use-case specific
    words. Anything that may not be a common word, like your company name, should be added here.
    """
    keyterm: Sequence[str]
    """Keyterm Prompting allows you improve Keyword Recall Rate (KRR) for important keyterms or
    phrases up to 90%.
    """
    endpointing: float
    """This is the timeout after which Deepgram will send transcription on user silence. You can
    read in-depth documentation here: https://developers.deepgram.com/docs/endpointing.

    Here are the most important bits:
    - Defaults to 10. This is recommended for most use cases to optimize for latency.
    - 10 can cause some missing transcriptions since because of the shorter context. This mostly
      happens for one-word utterances. For those uses cases, it's recommended to try 300. It will
      add a bit of latency but the quality and reliability of the experience will be better.
    - If neither 10 nor 300 work, contact support@cozmox.ai and we'll find another solution.

    @default 10
    """


class FallbackDeepgramVoice(TypedDict, total=False):
    """The API's ``FallbackDeepgramVoice`` (``"provider": "deepgram"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["deepgram"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "asteria",
            "luna",
            "stella",
            "athena",
            "hera",
            "orion",
            "arcas",
            "perseus",
            "angus",
            "orpheus",
            "helios",
            "zeus",
            "thalia",
            "andromeda",
            "helena",
            "apollo",
            "arcas",
            "aries",
            "amalthea",
            "asteria",
            "athena",
            "atlas",
            "aurora",
            "callista",
            "cora",
            "cordelia",
            "delia",
            "draco",
            "electra",
            "harmonia",
            "hera",
            "hermes",
            "hyperion",
            "iris",
            "janus",
            "juno",
            "jupiter",
            "luna",
            "mars",
            "minerva",
            "neptune",
            "odysseus",
            "ophelia",
            "orion",
            "orpheus",
            "pandora",
            "phoebe",
            "pluto",
            "saturn",
            "selene",
            "theia",
            "vesta",
            "zeus",
        ]
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["aura", "aura-2"]
    """This is the model that will be used. Defaults to 'aura-2' when not specified."""
    mipOptOut: bool
    """If set to true, this will add mip_opt_out=true as a query parameter of all API requests. See
    https://developers.deepgram.com/docs/the-deepgram-model-improvement-partnership-program#want-to-opt-out

    This will only be used if you are using your own Deepgram API key.

    @default false
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackElevenLabsTranscriber(TypedDict, total=False):
    """The API's ``FallbackElevenLabsTranscriber`` (``"provider": "11labs"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["11labs"]]
    """This is the transcription provider that will be used."""
    model: Literal["scribe_v1"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
    ]


class FallbackElevenLabsVoice(TypedDict, total=False):
    """The API's ``FallbackElevenLabsVoice`` (``"provider": "11labs"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["11labs"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "burt",
            "marissa",
            "andrea",
            "sarah",
            "phillip",
            "steve",
            "joseph",
            "myra",
            "paula",
            "ryan",
            "drew",
            "paul",
            "mrb",
            "matilda",
            "mark",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used. Ensure the Voice is present in your
    11Labs Voice Library.
    """
    stability: float
    """Defines the stability for voice settings."""
    similarityBoost: float
    """Defines the similarity boost for voice settings."""
    style: float
    """Defines the style for voice settings."""
    useSpeakerBoost: bool
    """Defines the use speaker boost for voice settings."""
    speed: float
    """Defines the speed for voice settings."""
    optimizeStreamingLatency: float
    """Defines the optimize streaming latency for voice settings. Defaults to 3."""
    enableSsmlParsing: bool
    """This enables the use of https://elevenlabs.io/docs/speech-synthesis/prompting#pronunciation.
    Defaults to false to save latency.

    @default false
    """
    autoMode: bool
    """Defines the auto mode for voice settings. Defaults to false."""
    model: Literal[
        "eleven_multilingual_v2",
        "eleven_turbo_v2",
        "eleven_turbo_v2_5",
        "eleven_flash_v2",
        "eleven_flash_v2_5",
        "eleven_monolingual_v1",
    ]
    """This is the model that will be used. Defaults to 'eleven_turbo_v2' if not specified."""
    language: str
    """This is the language (ISO 639-1) that is enforced for the model. Currently only Turbo v2.5
    supports language enforcement. For other models, an error will be returned if language code is
    provided.
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackGladiaTranscriber(TypedDict, total=False):
    """The API's ``FallbackGladiaTranscriber`` (``"provider": "gladia"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["gladia"]]
    """This is the transcription provider that will be used."""
    model: Literal["fast", "accurate", "solaria-1"]
    """This is the Gladia model that will be used. Default is 'fast'"""
    languageBehaviour: Literal[
        "manual", "automatic single language", "automatic multiple languages"
    ]
    """Defines how the transcription model detects the audio language. Default value is 'automatic
    single language'.
    """
    language: Literal[
        "af",
        "sq",
        "am",
        "ar",
        "hy",
        "as",
        "az",
        "ba",
        "eu",
        "be",
        "bn",
        "bs",
        "br",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fo",
        "fi",
        "fr",
        "gl",
        "ka",
        "de",
        "el",
        "gu",
        "ht",
        "ha",
        "haw",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "jv",
        "kn",
        "kk",
        "km",
        "ko",
        "lo",
        "la",
        "lv",
        "ln",
        "lt",
        "lb",
        "mk",
        "mg",
        "ms",
        "ml",
        "mt",
        "mi",
        "mr",
        "mn",
        "my",
        "ne",
        "no",
        "nn",
        "oc",
        "ps",
        "fa",
        "pl",
        "pt",
        "pa",
        "ro",
        "ru",
        "sa",
        "sr",
        "sn",
        "sd",
        "si",
        "sk",
        "sl",
        "so",
        "es",
        "su",
        "sw",
        "sv",
        "tl",
        "tg",
        "ta",
        "tt",
        "te",
        "th",
        "bo",
        "tr",
        "tk",
        "uk",
        "ur",
        "uz",
        "vi",
        "cy",
        "yi",
        "yo",
    ]
    """Defines the language to use for the transcription. Required when languageBehaviour is
    'manual'.
    """
    languages: Literal[
        "af",
        "sq",
        "am",
        "ar",
        "hy",
        "as",
        "az",
        "ba",
        "eu",
        "be",
        "bn",
        "bs",
        "br",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fo",
        "fi",
        "fr",
        "gl",
        "ka",
        "de",
        "el",
        "gu",
        "ht",
        "ha",
        "haw",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "jv",
        "kn",
        "kk",
        "km",
        "ko",
        "lo",
        "la",
        "lv",
        "ln",
        "lt",
        "lb",
        "mk",
        "mg",
        "ms",
        "ml",
        "mt",
        "mi",
        "mr",
        "mn",
        "my",
        "ne",
        "no",
        "nn",
        "oc",
        "ps",
        "fa",
        "pl",
        "pt",
        "pa",
        "ro",
        "ru",
        "sa",
        "sr",
        "sn",
        "sd",
        "si",
        "sk",
        "sl",
        "so",
        "es",
        "su",
        "sw",
        "sv",
        "tl",
        "tg",
        "ta",
        "tt",
        "te",
        "th",
        "bo",
        "tr",
        "tk",
        "uk",
        "ur",
        "uz",
        "vi",
        "cy",
        "yi",
        "yo",
    ]
    """Defines the languages to use for the transcription. Required when languageBehaviour is
    'manual'.
    """
    transcriptionHint: str
    """Provides a custom vocabulary to the model to improve accuracy of transcribing context
    specific words, technical terms, names, etc. If empty, this argument is ignored.
    ⚠️ Warning ⚠️: Please be aware that the transcription_hint field has a character limit of 600.
    If you provide a transcription_hint longer than 600 characters, it will be automatically
    truncated to meet this limit.
    """
    prosody: bool
    """If prosody is true, you will get a transcription that can contain prosodies i.e. (laugh)
    (giggles) (malefic laugh) (toss) (music)… Default value is false.
    """
    audioEnhancer: bool
    """If true, audio will be pre-processed to improve accuracy but latency will increase. Default
    value is false.
    """
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """


class FallbackGoogleTranscriber(TypedDict, total=False):
    """The API's ``FallbackGoogleTranscriber`` (``"provider": "google"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["google"]]
    """This is the transcription provider that will be used."""
    model: Literal[
        "gemini-2.5-pro",
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
        "gemini-2.5-pro-preview-05-06",
        "gemini-2.5-flash-preview-05-20",
        "gemini-2.5-flash-preview-04-17",
        "gemini-2.0-flash-thinking-exp",
        "gemini-2.0-pro-exp-02-05",
        "gemini-2.0-flash",
        "gemini-2.0-flash-lite",
        "gemini-2.0-flash-lite-preview-02-05",
        "gemini-2.0-flash-exp",
        "gemini-2.0-flash-realtime-exp",
        "gemini-1.5-flash",
        "gemini-1.5-flash-002",
        "gemini-1.5-pro",
        "gemini-1.5-pro-002",
        "gemini-1.0-pro",
    ]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "Multilingual",
        "Arabic",
        "Bengali",
        "Bulgarian",
        "Chinese",
        "Croatian",
        "Czech",
        "Danish",
        "Dutch",
        "English",
        "Estonian",
        "Finnish",
        "French",
        "German",
        "Greek",
        "Hebrew",
        "Hindi",
        "Hungarian",
        "Indonesian",
        "Italian",
        "Japanese",
        "Korean",
        "Latvian",
        "Lithuanian",
        "Norwegian",
        "Polish",
        "Portuguese",
        "Romanian",
        "Russian",
        "Serbian",
        "Slovak",
        "Slovenian",
        "Spanish",
        "Swahili",
        "Swedish",
        "Thai",
        "Turkish",
        "Ukrainian",
        "Vietnamese",
    ]
    """This is the language that will be set for the transcription."""


class FallbackHumeVoice(TypedDict, total=False):
    """The API's ``FallbackHumeVoice`` (``"provider": "hume"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["hume"]]
    """This is the voice provider that will be used."""
    model: Literal["octave"]
    """This is the model that will be used."""
    voiceId: Required[str]
    """The ID of the particular voice you want to use."""
    isCustomHumeVoice: bool
    """Indicates whether the chosen voice is a preset Hume AI voice or a custom voice."""
    description: str
    """Natural language instructions describing how the synthesized speech should sound, including
    but not limited to tone, intonation, pacing, and accent (e.g., 'a soft, gentle voice with a
    strong British accent').

    If a Voice is specified in the request, this description serves as acting instructions.
    If no Voice is specified, a new voice is generated based on this description.
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackInworldVoice(TypedDict, total=False):
    """The API's ``FallbackInworldVoice`` (``"provider": "inworld"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["inworld"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "Alex",
            "Ashley",
            "Craig",
            "Deborah",
            "Dennis",
            "Edward",
            "Elizabeth",
            "Hades",
            "Julia",
            "Pixie",
            "Mark",
            "Olivia",
            "Priya",
            "Ronald",
            "Sarah",
            "Shaun",
            "Theodore",
            "Timothy",
            "Wendy",
            "Dominus",
            "Yichen",
            "Xiaoyin",
            "Xinyi",
            "Jing",
            "Erik",
            "Katrien",
            "Lennart",
            "Lore",
            "Alain",
            "Hélène",
            "Mathieu",
            "Étienne",
            "Johanna",
            "Josef",
            "Gianni",
            "Orietta",
            "Asuka",
            "Satoshi",
            "Hyunwoo",
            "Minji",
            "Seojun",
            "Yoona",
            "Szymon",
            "Wojciech",
            "Heitor",
            "Maitê",
            "Diego",
            "Lupita",
            "Miguel",
            "Rafael",
        ]
    ]
    """Available voices by language:
    • en: Alex, Ashley, Craig, Deborah, Dennis, Edward, Elizabeth, Hades, Julia, Pixie, Mark,
    Olivia, Priya, Ronald, Sarah, Shaun, Theodore, Timothy, Wendy, Dominus
    • zh: Yichen, Xiaoyin, Xinyi, Jing
    • nl: Erik, Katrien, Lennart, Lore
    • fr: Alain, Hélène, Mathieu, Étienne
    • de: Johanna, Josef
    • it: Gianni, Orietta
    • ja: Asuka, Satoshi
    • ko: Hyunwoo, Minji, Seojun, Yoona
    • pl: Szymon, Wojciech
    • pt: Heitor, Maitê
    • es: Diego, Lupita, Miguel, Rafael
    """
    model: Literal["inworld-tts-1"]
    """This is the model that will be used."""
    languageCode: Literal["en", "zh", "ko", "nl", "fr", "es", "ja", "de", "it", "pl", "pt"]
    """Language code for Inworld TTS synthesis"""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackLMNTVoice(TypedDict, total=False):
    """The API's ``FallbackLMNTVoice`` (``"provider": "lmnt"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["lmnt"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "amy",
            "ansel",
            "autumn",
            "ava",
            "brandon",
            "caleb",
            "cassian",
            "chloe",
            "dalton",
            "daniel",
            "dustin",
            "elowen",
            "evander",
            "huxley",
            "james",
            "juniper",
            "kennedy",
            "lauren",
            "leah",
            "lily",
            "lucas",
            "magnus",
            "miles",
            "morgan",
            "natalie",
            "nathan",
            "noah",
            "nyssa",
            "oliver",
            "paige",
            "ryan",
            "sadie",
            "sophie",
            "stella",
            "terrence",
            "tyler",
            "vesper",
            "violet",
            "warrick",
            "zain",
            "zeke",
            "zoe",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    speed: float
    """This is the speed multiplier that will be used."""
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
        "auto",
    ]
    """Two letter ISO 639-1 language code. Use "auto" for auto-detection."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackNeuphonicVoice(TypedDict, total=False):
    """The API's ``FallbackNeuphonicVoice`` (``"provider": "neuphonic"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["neuphonic"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """This is the provider-specific ID that will be used."""
    model: Literal["neu_hq", "neu_fast"]
    """This is the model that will be used. Defaults to 'neu_fast' if not specified."""
    language: Required[str]
    """This is the language (ISO 639-1) that is enforced for the model."""
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackOpenAITranscriber(TypedDict, total=False):
    """The API's ``FallbackOpenAITranscriber`` (``"provider": "openai"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["openai"]]
    """This is the transcription provider that will be used."""
    model: Required[Literal["gpt-4o-transcribe", "gpt-4o-mini-transcribe"]]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "af",
        "ar",
        "hy",
        "az",
        "be",
        "bs",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fi",
        "fr",
        "gl",
        "de",
        "el",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "kn",
        "kk",
        "ko",
        "lv",
        "lt",
        "mk",
        "ms",
        "mr",
        "mi",
        "ne",
        "no",
        "fa",
        "pl",
        "pt",
        "ro",
        "ru",
        "sr",
        "sk",
        "sl",
        "es",
        "sw",
        "sv",
        "tl",
        "ta",
        "th",
        "tr",
        "uk",
        "ur",
        "vi",
        "cy",
    ]
    """This is the language that will be set for the transcription."""


class FallbackOpenAIVoice(TypedDict, total=False):
    """The API's ``FallbackOpenAIVoice`` (``"provider": "openai"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["openai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["alloy", "echo", "fable", "onyx", "nova", "shimmer"] | str]
    """This is the provider-specific ID that will be used.
    Please note that ash, ballad, coral, sage, and verse may only be used with realtime models.
    """
    model: Literal["tts-1", "tts-1-hd", "gpt-4o-mini-tts"]
    """This is the model that will be used for text-to-speech."""
    instructions: str
    """This is a prompt that allows you to control the voice of your generated audio.
    Does not work with 'tts-1' or 'tts-1-hd' models.
    """
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackPlan(TypedDict, total=False):
    """The API's ``FallbackPlan``.

    Used in ``AzureVoice.fallbackPlan``: This is the plan for voice provider fallbacks in the event
    that the primary voice provider fails.
    """

    voices: Required[
        Sequence[
            FallbackAzureVoice
            | FallbackCartesiaVoice
            | FallbackHumeVoice
            | FallbackCustomVoice
            | FallbackDeepgramVoice
            | FallbackElevenLabsVoice
            | FallbackCozmoxVoice
            | FallbackLMNTVoice
            | FallbackOpenAIVoice
            | FallbackPlayHTVoice
            | FallbackRimeAIVoice
            | FallbackSmallestAIVoice
            | FallbackTavusVoice
            | FallbackNeuphonicVoice
            | FallbackSesameVoice
            | FallbackInworldVoice
        ]
    ]
    """This is the list of voices to fallback to in the event that the primary voice provider fails."""


class FallbackPlayHTVoice(TypedDict, total=False):
    """The API's ``FallbackPlayHTVoice`` (``"provider": "playht"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["playht"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "jennifer",
            "melissa",
            "will",
            "chris",
            "matt",
            "jack",
            "ruby",
            "davis",
            "donna",
            "michael",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    speed: float
    """This is the speed multiplier that will be used."""
    temperature: float
    """A floating point number between 0, exclusive, and 2, inclusive. If equal to null or not
    provided, the model's default temperature will be used. The temperature parameter controls
    variance. Lower temperatures result in more predictable results, higher temperatures allow each
    run to vary more, so the voice may sound less like the baseline voice.
    """
    emotion: Literal[
        "female_happy",
        "female_sad",
        "female_angry",
        "female_fearful",
        "female_disgust",
        "female_surprised",
        "male_happy",
        "male_sad",
        "male_angry",
        "male_fearful",
        "male_disgust",
        "male_surprised",
    ]
    """An emotion to be applied to the speech."""
    voiceGuidance: float
    """A number between 1 and 6. Use lower numbers to reduce how unique your chosen voice will be
    compared to other voices.
    """
    styleGuidance: float
    """A number between 1 and 30. Use lower numbers to to reduce how strong your chosen emotion will
    be. Higher numbers will create a very emotional performance.
    """
    textGuidance: float
    """A number between 1 and 2. This number influences how closely the generated speech adheres to
    the input text. Use lower values to create more fluid speech, but with a higher chance of
    deviating from the input text. Higher numbers will make the generated speech more accurate to
    the input text, ensuring that the words spoken align closely with the provided text.
    """
    model: Literal["PlayHT2.0", "PlayHT2.0-turbo", "Play3.0-mini", "PlayDialog"]
    """Playht voice model/engine to use."""
    language: Literal[
        "afrikaans",
        "albanian",
        "amharic",
        "arabic",
        "bengali",
        "bulgarian",
        "catalan",
        "croatian",
        "czech",
        "danish",
        "dutch",
        "english",
        "french",
        "galician",
        "german",
        "greek",
        "hebrew",
        "hindi",
        "hungarian",
        "indonesian",
        "italian",
        "japanese",
        "korean",
        "malay",
        "mandarin",
        "polish",
        "portuguese",
        "russian",
        "serbian",
        "spanish",
        "swedish",
        "tagalog",
        "thai",
        "turkish",
        "ukrainian",
        "urdu",
        "xhosa",
    ]
    """The language to use for the speech."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackRimeAIVoice(TypedDict, total=False):
    """The API's ``FallbackRimeAIVoice`` (``"provider": "rime-ai"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["rime-ai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "abbie",
            "allison",
            "ally",
            "alona",
            "amber",
            "ana",
            "antoine",
            "armon",
            "brenda",
            "brittany",
            "carol",
            "colin",
            "courtney",
            "elena",
            "elliot",
            "eva",
            "geoff",
            "gerald",
            "hank",
            "helen",
            "hera",
            "jen",
            "joe",
            "joy",
            "juan",
            "kendra",
            "kendrick",
            "kenneth",
            "kevin",
            "kris",
            "linda",
            "madison",
            "marge",
            "marina",
            "marissa",
            "marta",
            "maya",
            "nicholas",
            "nyles",
            "phil",
            "reba",
            "rex",
            "rick",
            "ritu",
            "rob",
            "rodney",
            "rohan",
            "rosco",
            "samantha",
            "sandy",
            "selena",
            "seth",
            "sharon",
            "stan",
            "tamra",
            "tanya",
            "tibur",
            "tj",
            "tyler",
            "viv",
            "yadira",
            "marsh",
            "bayou",
            "creek",
            "brook",
            "flower",
            "spore",
            "glacier",
            "gulch",
            "alpine",
            "cove",
            "lagoon",
            "tundra",
            "steppe",
            "mesa",
            "grove",
            "rainforest",
            "moraine",
            "wildflower",
            "peak",
            "boulder",
            "gypsum",
            "zest",
            "luna",
            "celeste",
            "orion",
            "ursa",
            "astra",
            "esther",
            "estelle",
            "andromeda",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["mist", "mistv2", "arcana"]
    """This is the model that will be used. Defaults to 'mistv2' when not specified."""
    speed: float
    """This is the speed multiplier that will be used."""
    pauseBetweenBrackets: bool
    """This is a flag that controls whether to add slight pauses using angle brackets. Example: "Hi.
    <200> I'd love to have a conversation with you." adds a 200ms pause between the first and second
    sentences.
    """
    phonemizeBetweenBrackets: bool
    """This is a flag that controls whether text inside brackets should be phonemized (converted to
    phonetic pronunciation) - Example: "{h'El.o} World" will pronounce "Hello" as expected.
    """
    reduceLatency: bool
    """This is a flag that controls whether to optimize for reduced latency in streaming.
    https://docs.rime.ai/api-reference/endpoint/websockets#param-reduce-latency
    """
    inlineSpeedAlpha: str
    """This is a string that allows inline speed control using alpha notation.
    https://docs.rime.ai/api-reference/endpoint/websockets#param-inline-speed-alpha
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackSesameVoice(TypedDict, total=False):
    """The API's ``FallbackSesameVoice`` (``"provider": "sesame"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["sesame"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """This is the provider-specific ID that will be used."""
    model: Required[Literal["csm-1b"]]
    """This is the model that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackSmallestAIVoice(TypedDict, total=False):
    """The API's ``FallbackSmallestAIVoice`` (``"provider": "smallest-ai"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["smallest-ai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "emily",
            "jasmine",
            "arman",
            "james",
            "mithali",
            "aravind",
            "raj",
            "diya",
            "raman",
            "ananya",
            "isha",
            "william",
            "aarav",
            "monika",
            "niharika",
            "deepika",
            "raghav",
            "kajal",
            "radhika",
            "mansi",
            "nisha",
            "saurabh",
            "pooja",
            "saina",
            "sanya",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["lightning"]
    """Smallest AI voice model to use. Defaults to 'lightning' when not specified."""
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackSpeechmaticsTranscriber(TypedDict, total=False):
    """The API's ``FallbackSpeechmaticsTranscriber`` (``"provider": "speechmatics"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["speechmatics"]]
    """This is the transcription provider that will be used."""
    model: Literal["default"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "auto",
        "ar",
        "ba",
        "eu",
        "be",
        "bn",
        "bg",
        "yue",
        "ca",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "eo",
        "et",
        "fi",
        "fr",
        "gl",
        "de",
        "el",
        "he",
        "hi",
        "hu",
        "id",
        "ia",
        "ga",
        "it",
        "ja",
        "ko",
        "lv",
        "lt",
        "ms",
        "mt",
        "cmn",
        "mr",
        "mn",
        "no",
        "fa",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "es",
        "sw",
        "sv",
        "ta",
        "th",
        "tr",
        "uk",
        "ur",
        "ug",
        "vi",
        "cy",
    ]


class FallbackTalkscriberTranscriber(TypedDict, total=False):
    """The API's ``FallbackTalkscriberTranscriber`` (``"provider": "talkscriber"``).

    Used in ``FallbackTranscriberPlan.transcribers``.
    """

    provider: Required[Literal["talkscriber"]]
    """This is the transcription provider that will be used."""
    model: Literal["whisper"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "en",
        "zh",
        "de",
        "es",
        "ru",
        "ko",
        "fr",
        "ja",
        "pt",
        "tr",
        "pl",
        "ca",
        "nl",
        "ar",
        "sv",
        "it",
        "id",
        "hi",
        "fi",
        "vi",
        "he",
        "uk",
        "el",
        "ms",
        "cs",
        "ro",
        "da",
        "hu",
        "ta",
        "no",
        "th",
        "ur",
        "hr",
        "bg",
        "lt",
        "la",
        "mi",
        "ml",
        "cy",
        "sk",
        "te",
        "fa",
        "lv",
        "bn",
        "sr",
        "az",
        "sl",
        "kn",
        "et",
        "mk",
        "br",
        "eu",
        "is",
        "hy",
        "ne",
        "mn",
        "bs",
        "kk",
        "sq",
        "sw",
        "gl",
        "mr",
        "pa",
        "si",
        "km",
        "sn",
        "yo",
        "so",
        "af",
        "oc",
        "ka",
        "be",
        "tg",
        "sd",
        "gu",
        "am",
        "yi",
        "lo",
        "uz",
        "fo",
        "ht",
        "ps",
        "tk",
        "nn",
        "mt",
        "sa",
        "lb",
        "my",
        "bo",
        "tl",
        "mg",
        "as",
        "tt",
        "haw",
        "ln",
        "ha",
        "ba",
        "jw",
        "su",
        "yue",
    ]
    """This is the language that will be set for the transcription. The list of languages Whisper
    supports can be found here: https://github.com/openai/whisper/blob/main/whisper/tokenizer.py
    """


class FallbackTavusVoice(TypedDict, total=False):
    """The API's ``FallbackTavusVoice`` (``"provider": "tavus"``).

    Used in ``FallbackPlan.voices``: This is the list of voices to fallback to in the event that the
    primary voice provider fails.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["tavus"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["r52da2535a"] | str]
    """This is the provider-specific ID that will be used."""
    personaId: str
    """This is the unique identifier for the persona that the replica will use in the conversation."""
    callbackUrl: str
    """This is the url that will receive webhooks with updates regarding the conversation state."""
    conversationName: str
    """This is the name for the conversation."""
    conversationalContext: str
    """This is the context that will be appended to any context provided in the persona, if one is
    provided.
    """
    customGreeting: str
    """This is the custom greeting that the replica will give once a participant joines the
    conversation.
    """
    properties: TavusConversationProperties
    """These are optional properties used to customize the conversation."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""


class FallbackTranscriberPlan(TypedDict, total=False):
    """The API's ``FallbackTranscriberPlan``.

    Used in ``AssemblyAITranscriber.fallbackPlan``: This is the plan for voice provider fallbacks in
    the event that the primary voice provider fails.
    """

    transcribers: Required[
        Sequence[
            FallbackAssemblyAITranscriber
            | FallbackAzureSpeechTranscriber
            | FallbackCustomTranscriber
            | FallbackDeepgramTranscriber
            | FallbackElevenLabsTranscriber
            | FallbackGladiaTranscriber
            | FallbackGoogleTranscriber
            | FallbackTalkscriberTranscriber
            | FallbackSpeechmaticsTranscriber
            | FallbackOpenAITranscriber
            | FallbackCartesiaTranscriber
        ]
    ]


class FormatPlan(TypedDict, total=False):
    """The API's ``FormatPlan``.

    Used in ``ChunkPlan.formatPlan``: This is the plan for formatting the chunk before it is sent to
    the voice provider.
    """

    enabled: bool
    """This determines whether the chunk is formatted before being sent to the voice provider. This
    helps with enunciation. This includes phone numbers, emails and addresses. Default `true`.

    Usage:
    - To rely on the voice provider's formatting logic, set this to `false`.

    If `voice.chunkPlan.enabled` is `false`, this is automatically `false` since there's no chunk to
    format.

    @default true
    """
    numberToDigitsCutoff: float
    """This is the cutoff after which a number is converted to individual digits instead of being
    spoken as words.

    Example:
    - If cutoff 2025, "12345" is converted to "1 2 3 4 5" while "1200" is converted to "twelve
      hundred".

    Usage:
    - If your use case doesn't involve IDs like zip codes, set this to a high value.
    - If your use case involves IDs that are shorter than 5 digits, set this to a lower value.

    @default 2025
    """
    replacements: Sequence[ExactReplacement | RegexReplacement]
    """These are the custom replacements you can make to the chunk before it is sent to the voice
    provider.

    Usage:
    - To replace a specific word or phrase with a different word or phrase, use the
      `ExactReplacement` type. Eg. `{ type: 'exact', key: 'hello', value: 'hi' }`
    - To replace a word or phrase that matches a pattern, use the `RegexReplacement` type. Eg. `{
      type: 'regex', regex: '\\\\b[a-zA-Z]{5}\\\\b', value: 'hi' }`

    @default []
    """
    formattersEnabled: Sequence[
        Literal[
            "markdown",
            "asterisk",
            "quote",
            "dash",
            "newline",
            "colon",
            "acronym",
            "dollarAmount",
            "email",
            "date",
            "time",
            "distance",
            "unit",
            "percentage",
            "phoneNumber",
            "number",
            "stripAsterisk",
        ]
    ]
    """List of formatters to apply. If not provided, all default formatters will be applied.
    If provided, only the specified formatters will be applied.
    Note: Some essential formatters like angle bracket removal will always be applied.
    @default undefined
    """


class FourierDenoisingPlan(TypedDict, total=False):
    """The API's ``FourierDenoisingPlan``.

    Used in ``BackgroundSpeechDenoisingPlan.fourierDenoisingPlan``: Whether Fourier denoising is
    enabled.
    """

    enabled: bool
    """Whether Fourier denoising is enabled. Note that this is experimental and may not work as
    expected.
    """
    mediaDetectionEnabled: bool
    """Whether automatic media detection is enabled. When enabled, the filter will automatically
    detect consistent background TV/music/radio and switch to more aggressive filtering settings.
    Only applies when enabled is true.
    """
    staticThreshold: float
    """Static threshold in dB used as fallback when no baseline is established."""
    baselineOffsetDb: float
    """How far below the rolling baseline to filter audio, in dB.
    Lower values (e.g., -10) are more aggressive, higher values (e.g., -20) are more conservative.
    """
    windowSizeMs: float
    """Rolling window size in milliseconds for calculating the audio baseline.
    Larger windows adapt more slowly but are more stable.
    """
    baselinePercentile: float
    """Percentile to use for baseline calculation (1-99).
    Higher percentiles (e.g., 85) focus on louder speech, lower percentiles (e.g., 50) include
    quieter speech.
    """


# async: This determines if the tool is async.
#
#   If async, the assistant will move forward without waiting for your server to respond. This is useful if you just want to trigger something on your server.
#
#   If sync, the assistant will wait for your server to respond. This is useful if want assistant to respond with the result from your server.
#
#   Defaults to synchronous (`false`).
_FunctionCallAssistantHookActionKeywords = TypedDict(
    "_FunctionCallAssistantHookActionKeywords", {"async": "bool"}, total=False
)


class FunctionCallAssistantHookAction(_FunctionCallAssistantHookActionKeywords, total=False):
    """The API's ``FunctionCallAssistantHookAction`` (``"type": "function"``).

    Used in ``AssistantHookAssistantSpeechInterrupted.do``: This is the set of actions to perform
    when the hook triggers
    """

    messages: Sequence[
        ToolMessageStart | ToolMessageComplete | ToolMessageFailed | ToolMessageDelayed
    ]
    """These are the messages that will be spoken to the user as the tool is running.

    For some tools, this is auto-filled based on special fields like `tool.destinations`. For others
    like the function tool, these can be custom configured.
    """
    type: Required[Literal["function"]]
    """The type of tool. "function" for Function tool."""
    server: Server
    """This is the server where a `tool-calls` webhook will be sent.

      Notes:
      - Webhook is sent to this server when a tool call is made.
      - Webhook contains the call, assistant, and phone number objects.
      - Webhook contains the variables set on the assistant.
      - Webhook is sent to the first available URL in this order: {{tool.server.url}},
        {{assistant.server.url}}, {{phoneNumber.server.url}}, {{org.server.url}}.
      - Webhook expects a response with tool call result.
    """
    function: OpenAIFunction
    """This is the function definition of the tool.

    For `endCall`, `transferCall`, and `dtmf` tools, this is auto-filled based on tool-specific
    fields like `tool.destinations`. But, even in those cases, you can provide a custom function
    definition for advanced use cases.

    An example of an advanced use case is if you want to customize the message that's spoken for
    `endCall` tool. You can specify a function where it returns an argument "reason". Then, in
    `messages` array, you can have many "request-complete" messages. One of these messages will be
    triggered if the `messages[].conditions` matches the "reason" argument.
    """


class GcpKey(TypedDict, total=False):
    """The API's ``GcpKey``.

    Used in ``CreateGcpCredentialDTO.gcpKey``: This is the GCP key.
    """

    type: Required[str]
    """This is the type of the key. Most likely, this is "service_account"."""
    projectId: Required[str]
    """This is the ID of the Google Cloud project associated with this key."""
    privateKeyId: Required[str]
    """This is the unique identifier for the private key."""
    privateKey: Required[str]
    """This is the private key in PEM format.

    Note: This is not returned in the API.
    """
    clientEmail: Required[str]
    """This is the email address associated with the service account."""
    clientId: Required[str]
    """This is the unique identifier for the client."""
    authUri: Required[str]
    """This is the URI for the auth provider's authorization endpoint."""
    tokenUri: Required[str]
    """This is the URI for the auth provider's token endpoint."""
    authProviderX509CertUrl: Required[str]
    """This is the URL of the public x509 certificate for the auth provider."""
    clientX509CertUrl: Required[str]
    """This is the URL of the public x509 certificate for the client."""
    universeDomain: Required[str]
    """This is the domain associated with the universe this service account belongs to."""


class GeminiMultimodalLivePrebuiltVoiceConfig(TypedDict, total=False):
    """The API's ``GeminiMultimodalLivePrebuiltVoiceConfig``.

    Used in ``GeminiMultimodalLiveVoiceConfig.prebuiltVoiceConfig``.
    """

    voiceName: Required[Literal["Puck", "Charon", "Kore", "Fenrir", "Aoede"]]


class GeminiMultimodalLiveSpeechConfig(TypedDict, total=False):
    """The API's ``GeminiMultimodalLiveSpeechConfig``.

    Used in ``GoogleRealtimeConfig.speechConfig``: This is the speech configuration object that
    defines the voice settings to be used for the model's speech output.
    """

    voiceConfig: Required[GeminiMultimodalLiveVoiceConfig]


class GeminiMultimodalLiveVoiceConfig(TypedDict, total=False):
    """The API's ``GeminiMultimodalLiveVoiceConfig``.

    Used in ``GeminiMultimodalLiveSpeechConfig.voiceConfig``.
    """

    prebuiltVoiceConfig: Required[GeminiMultimodalLivePrebuiltVoiceConfig]


class GladiaTranscriber(TypedDict, total=False):
    """The API's ``GladiaTranscriber`` (``"provider": "gladia"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["gladia"]]
    """This is the transcription provider that will be used."""
    model: Literal["fast", "accurate", "solaria-1"]
    """This is the Gladia model that will be used. Default is 'fast'"""
    languageBehaviour: Literal[
        "manual", "automatic single language", "automatic multiple languages"
    ]
    """Defines how the transcription model detects the audio language. Default value is 'automatic
    single language'.
    """
    language: Literal[
        "af",
        "sq",
        "am",
        "ar",
        "hy",
        "as",
        "az",
        "ba",
        "eu",
        "be",
        "bn",
        "bs",
        "br",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fo",
        "fi",
        "fr",
        "gl",
        "ka",
        "de",
        "el",
        "gu",
        "ht",
        "ha",
        "haw",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "jv",
        "kn",
        "kk",
        "km",
        "ko",
        "lo",
        "la",
        "lv",
        "ln",
        "lt",
        "lb",
        "mk",
        "mg",
        "ms",
        "ml",
        "mt",
        "mi",
        "mr",
        "mn",
        "my",
        "ne",
        "no",
        "nn",
        "oc",
        "ps",
        "fa",
        "pl",
        "pt",
        "pa",
        "ro",
        "ru",
        "sa",
        "sr",
        "sn",
        "sd",
        "si",
        "sk",
        "sl",
        "so",
        "es",
        "su",
        "sw",
        "sv",
        "tl",
        "tg",
        "ta",
        "tt",
        "te",
        "th",
        "bo",
        "tr",
        "tk",
        "uk",
        "ur",
        "uz",
        "vi",
        "cy",
        "yi",
        "yo",
    ]
    """Defines the language to use for the transcription. Required when languageBehaviour is
    'manual'.
    """
    languages: Literal[
        "af",
        "sq",
        "am",
        "ar",
        "hy",
        "as",
        "az",
        "ba",
        "eu",
        "be",
        "bn",
        "bs",
        "br",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fo",
        "fi",
        "fr",
        "gl",
        "ka",
        "de",
        "el",
        "gu",
        "ht",
        "ha",
        "haw",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "jv",
        "kn",
        "kk",
        "km",
        "ko",
        "lo",
        "la",
        "lv",
        "ln",
        "lt",
        "lb",
        "mk",
        "mg",
        "ms",
        "ml",
        "mt",
        "mi",
        "mr",
        "mn",
        "my",
        "ne",
        "no",
        "nn",
        "oc",
        "ps",
        "fa",
        "pl",
        "pt",
        "pa",
        "ro",
        "ru",
        "sa",
        "sr",
        "sn",
        "sd",
        "si",
        "sk",
        "sl",
        "so",
        "es",
        "su",
        "sw",
        "sv",
        "tl",
        "tg",
        "ta",
        "tt",
        "te",
        "th",
        "bo",
        "tr",
        "tk",
        "uk",
        "ur",
        "uz",
        "vi",
        "cy",
        "yi",
        "yo",
    ]
    """Defines the languages to use for the transcription. Required when languageBehaviour is
    'manual'.
    """
    transcriptionHint: str
    """Provides a custom vocabulary to the model to improve accuracy of transcribing context
    specific words, technical terms, names, etc. If empty, this argument is ignored.
    ⚠️ Warning ⚠️: Please be aware that the transcription_hint field has a character limit of 600.
    If you provide a transcription_hint longer than 600 characters, it will be automatically
    truncated to meet this limit.
    """
    prosody: bool
    """If prosody is true, you will get a transcription that can contain prosodies i.e. (laugh)
    (giggles) (malefic laugh) (toss) (music)… Default value is false.
    """
    audioEnhancer: bool
    """If true, audio will be pre-processed to improve accuracy but latency will increase. Default
    value is false.
    """
    confidenceThreshold: float
    """Transcripts below this confidence threshold will be discarded.

    @default 0.4
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class GoogleModel(TypedDict, total=False):
    """The API's ``GoogleModel`` (``"provider": "google"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[
        Literal[
            "gemini-2.5-pro",
            "gemini-2.5-flash",
            "gemini-2.5-flash-lite",
            "gemini-2.5-pro-preview-05-06",
            "gemini-2.5-flash-preview-05-20",
            "gemini-2.5-flash-preview-04-17",
            "gemini-2.0-flash-thinking-exp",
            "gemini-2.0-pro-exp-02-05",
            "gemini-2.0-flash",
            "gemini-2.0-flash-lite",
            "gemini-2.0-flash-lite-preview-02-05",
            "gemini-2.0-flash-exp",
            "gemini-2.0-flash-realtime-exp",
            "gemini-1.5-flash",
            "gemini-1.5-flash-002",
            "gemini-1.5-pro",
            "gemini-1.5-pro-002",
            "gemini-1.0-pro",
        ]
    ]
    """This is the Google model that will be used."""
    provider: Required[Literal["google"]]
    realtimeConfig: GoogleRealtimeConfig
    """This is the session configuration for the Gemini Flash 2.0 Multimodal Live API.
    Only applicable if the model `gemini-2.0-flash-realtime-exp` is selected.
    """
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class GoogleRealtimeConfig(TypedDict, total=False):
    """The API's ``GoogleRealtimeConfig``.

    Used in ``GoogleModel.realtimeConfig``: This is the session configuration for the Gemini Flash
    2.0 Multimodal Live API.
    """

    topP: float
    """This is the nucleus sampling parameter that controls the cumulative probability of tokens
    considered during text generation.
    Only applicable with the Gemini Flash 2.0 Multimodal Live API.
    """
    topK: float
    """This is the top-k sampling parameter that limits the number of highest probability tokens
    considered during text generation.
    Only applicable with the Gemini Flash 2.0 Multimodal Live API.
    """
    presencePenalty: float
    """This is the presence penalty parameter that influences the model's likelihood to repeat
    information by penalizing tokens based on their presence in the text.
    Only applicable with the Gemini Flash 2.0 Multimodal Live API.
    """
    frequencyPenalty: float
    """This is the frequency penalty parameter that influences the model's likelihood to repeat
    tokens by penalizing them based on their frequency in the text.
    Only applicable with the Gemini Flash 2.0 Multimodal Live API.
    """
    speechConfig: GeminiMultimodalLiveSpeechConfig
    """This is the speech configuration object that defines the voice settings to be used for the
    model's speech output.
    Only applicable with the Gemini Flash 2.0 Multimodal Live API.
    """


class GoogleTranscriber(TypedDict, total=False):
    """The API's ``GoogleTranscriber`` (``"provider": "google"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["google"]]
    """This is the transcription provider that will be used."""
    model: Literal[
        "gemini-2.5-pro",
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
        "gemini-2.5-pro-preview-05-06",
        "gemini-2.5-flash-preview-05-20",
        "gemini-2.5-flash-preview-04-17",
        "gemini-2.0-flash-thinking-exp",
        "gemini-2.0-pro-exp-02-05",
        "gemini-2.0-flash",
        "gemini-2.0-flash-lite",
        "gemini-2.0-flash-lite-preview-02-05",
        "gemini-2.0-flash-exp",
        "gemini-2.0-flash-realtime-exp",
        "gemini-1.5-flash",
        "gemini-1.5-flash-002",
        "gemini-1.5-pro",
        "gemini-1.5-pro-002",
        "gemini-1.0-pro",
    ]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "Multilingual",
        "Arabic",
        "Bengali",
        "Bulgarian",
        "Chinese",
        "Croatian",
        "Czech",
        "Danish",
        "Dutch",
        "English",
        "Estonian",
        "Finnish",
        "French",
        "German",
        "Greek",
        "Hebrew",
        "Hindi",
        "Hungarian",
        "Indonesian",
        "Italian",
        "Japanese",
        "Korean",
        "Latvian",
        "Lithuanian",
        "Norwegian",
        "Polish",
        "Portuguese",
        "Romanian",
        "Russian",
        "Serbian",
        "Slovak",
        "Slovenian",
        "Spanish",
        "Swahili",
        "Swedish",
        "Thai",
        "Turkish",
        "Ukrainian",
        "Vietnamese",
    ]
    """This is the language that will be set for the transcription."""
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class GoogleVoicemailDetectionPlan(TypedDict, total=False):
    """The API's ``GoogleVoicemailDetectionPlan`` (``"provider": "google"``).

    Used in ``AssistantOverrides.voicemailDetection``: These are the settings to configure or
    disable voicemail detection.
    """

    beepMaxAwaitSeconds: float
    """This is the maximum duration from the start of the call that we will wait for a voicemail
    beep, before speaking our message

    - If we detect a voicemail beep before this, we will speak the message at that point.

    - Setting too low a value means that the bot will start speaking its voicemail message too
      early. If it does so before the actual beep, it will get cut off. You should definitely tune
      this to your use case.

    @default 30
    @min 0
    @max 60
    """
    provider: Required[Literal["google"]]
    """This is the provider to use for voicemail detection."""
    backoffPlan: VoicemailDetectionBackoffPlan
    """This is the backoff plan for the voicemail detection."""


class GroqModel(TypedDict, total=False):
    """The API's ``GroqModel`` (``"provider": "groq"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[
        Literal[
            "deepseek-r1-distill-llama-70b",
            "llama-3.3-70b-versatile",
            "llama-3.1-405b-reasoning",
            "llama-3.1-8b-instant",
            "llama3-8b-8192",
            "llama3-70b-8192",
            "gemma2-9b-it",
            "meta-llama/llama-4-maverick-17b-128e-instruct",
            "meta-llama/llama-4-scout-17b-16e-instruct",
            "mistral-saba-24b",
            "compound-beta",
            "compound-beta-mini",
        ]
    ]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    provider: Required[Literal["groq"]]
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class HMACAuthenticationPlan(TypedDict, total=False):
    """The API's ``HMACAuthenticationPlan`` (``"type": "hmac"``).

    Used in ``CreateWebhookCredentialDTO.authenticationPlan``: This is the authentication plan.
    """

    type: Required[Literal["hmac"]]
    secretKey: Required[str]
    """This is the HMAC secret key used to sign requests."""
    algorithm: Required[Literal["sha256", "sha512", "sha1"]]
    """This is the HMAC algorithm to use for signing."""
    signatureHeader: str
    """This is the header name where the signature will be sent. Defaults to 'x-signature'."""
    timestampHeader: str
    """This is the header name where the timestamp will be sent. Defaults to 'x-timestamp'."""
    signaturePrefix: str
    """This is the prefix for the signature. For example, 'sha256=' for GitHub-style signatures."""
    includeTimestamp: bool
    """Whether to include a timestamp in the signature payload. Defaults to true."""
    payloadFormat: str
    """Custom payload format. Use {body} for request body, {timestamp} for timestamp, {method} for
    HTTP method, {url} for URL, {svix-id} for unique message ID. Defaults to '{timestamp}.{body}'.
    """
    messageIdHeader: str
    """This is the header name where the unique message ID will be sent. Used for Svix-style
    webhooks.
    """
    signatureEncoding: Literal["hex", "base64"]
    """The encoding format for the signature. Defaults to 'hex'."""
    secretIsBase64: bool
    """Whether the secret key is base64-encoded and should be decoded before use. Defaults to false."""


class HumeVoice(TypedDict, total=False):
    """The API's ``HumeVoice`` (``"provider": "hume"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["hume"]]
    """This is the voice provider that will be used."""
    model: Literal["octave"]
    """This is the model that will be used."""
    voiceId: Required[str]
    """The ID of the particular voice you want to use."""
    isCustomHumeVoice: bool
    """Indicates whether the chosen voice is a preset Hume AI voice or a custom voice."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    description: str
    """Natural language instructions describing how the synthesized speech should sound, including
    but not limited to tone, intonation, pacing, and accent (e.g., 'a soft, gentle voice with a
    strong British accent').

    If a Voice is specified in the request, this description serves as acting instructions.
    If no Voice is specified, a new voice is generated based on this description.
    """
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class InflectionAIModel(TypedDict, total=False):
    """The API's ``InflectionAIModel`` (``"provider": "inflection-ai"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[Literal["inflection_3_pi"]]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    provider: Required[Literal["inflection-ai"]]
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class InworldVoice(TypedDict, total=False):
    """The API's ``InworldVoice`` (``"provider": "inworld"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["inworld"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "Alex",
            "Ashley",
            "Craig",
            "Deborah",
            "Dennis",
            "Edward",
            "Elizabeth",
            "Hades",
            "Julia",
            "Pixie",
            "Mark",
            "Olivia",
            "Priya",
            "Ronald",
            "Sarah",
            "Shaun",
            "Theodore",
            "Timothy",
            "Wendy",
            "Dominus",
            "Yichen",
            "Xiaoyin",
            "Xinyi",
            "Jing",
            "Erik",
            "Katrien",
            "Lennart",
            "Lore",
            "Alain",
            "Hélène",
            "Mathieu",
            "Étienne",
            "Johanna",
            "Josef",
            "Gianni",
            "Orietta",
            "Asuka",
            "Satoshi",
            "Hyunwoo",
            "Minji",
            "Seojun",
            "Yoona",
            "Szymon",
            "Wojciech",
            "Heitor",
            "Maitê",
            "Diego",
            "Lupita",
            "Miguel",
            "Rafael",
        ]
    ]
    """Available voices by language:
    • en: Alex, Ashley, Craig, Deborah, Dennis, Edward, Elizabeth, Hades, Julia, Pixie, Mark,
    Olivia, Priya, Ronald, Sarah, Shaun, Theodore, Timothy, Wendy, Dominus
    • zh: Yichen, Xiaoyin, Xinyi, Jing
    • nl: Erik, Katrien, Lennart, Lore
    • fr: Alain, Hélène, Mathieu, Étienne
    • de: Johanna, Josef
    • it: Gianni, Orietta
    • ja: Asuka, Satoshi
    • ko: Hyunwoo, Minji, Seojun, Yoona
    • pl: Szymon, Wojciech
    • pt: Heitor, Maitê
    • es: Diego, Lupita, Miguel, Rafael
    """
    model: Literal["inworld-tts-1"]
    """This is the model that will be used."""
    languageCode: Literal["en", "zh", "ko", "nl", "fr", "es", "ja", "de", "it", "pl", "pt"]
    """Language code for Inworld TTS synthesis"""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class JsonSchema(TypedDict, total=False):
    """The API's ``JsonSchema``.

    Used in ``CreateApiRequestToolDTO.body``: This is the body of the request.
    """

    type: Required[Literal["string", "number", "integer", "boolean", "array", "object"]]
    """This is the type of output you'd like.

    `string`, `number`, `integer`, `boolean` are the primitive types and should be obvious.

    `array` and `object` are more interesting and quite powerful. They allow you to define nested
    structures.

    For `array`, you can define the schema of the items in the array using the `items` property.

    For `object`, you can define the properties of the object using the `properties` property.
    """
    items: Mapping[str, Any]
    """This is required if the type is "array". This is the schema of the items in the array.

    This is of type JsonSchema. However, Swagger doesn't support circular references.
    """
    properties: Mapping[str, Any]
    """This is required if the type is "object". This specifies the properties of the object.

    This is a map of string to JsonSchema. However, Swagger doesn't support circular references.
    """
    description: str
    """This is the description to help the model understand what it needs to output."""
    pattern: str
    """This is the pattern of the string. This is a regex that will be used to validate the data in
    question. To use a common format, use the `format` property instead.

    OpenAI documentation:
    https://platform.openai.com/docs/guides/structured-outputs#supported-properties
    """
    format: Literal[
        "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"
    ]
    """This is the format of the string. To pass a regex, use the `pattern` property instead.

    OpenAI documentation:
    https://platform.openai.com/docs/guides/structured-outputs?api-mode=chat&type-restrictions=string-restrictions
    """
    required: Sequence[str]
    """This is a list of properties that are required.

    This only makes sense if the type is "object".
    """
    enum: Sequence[str]
    """This array specifies the allowed values that can be used to restrict the output of the model."""
    title: str
    """This is the title of the schema."""


class KeypadInputPlan(TypedDict, total=False):
    """The API's ``KeypadInputPlan``.

    Used in ``AssistantOverrides.keypadInputPlan``.
    """

    enabled: bool
    """This keeps track of whether the user has enabled keypad input.
    By default, it is off.

    @default false
    """
    timeoutSeconds: float
    """This is the time in seconds to wait before processing the input.
    If the input is not received within this time, the input will be ignored.
    If set to "off", the input will be processed when the user enters a delimiter or immediately if
    no delimiter is used.

    @default 2
    """
    delimiters: Literal["#", "*", ""]
    """This is the delimiter(s) that will be used to process the input.
    Can be '#', '*', or an empty array.
    """


class KnowledgeBase(TypedDict, total=False):
    """The API's ``KnowledgeBase``.

    Used in ``CreateQueryToolDTO.knowledgeBases``: The knowledge bases to query
    """

    name: Required[str]
    """The name of the knowledge base"""
    provider: Required[Literal["google"]]
    """The provider of the knowledge base"""
    model: Literal[
        "gemini-2.5-pro",
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
        "gemini-2.5-pro-preview-05-06",
        "gemini-2.5-flash-preview-05-20",
        "gemini-2.5-flash-preview-04-17",
        "gemini-2.0-flash-thinking-exp",
        "gemini-2.0-pro-exp-02-05",
        "gemini-2.0-flash",
        "gemini-2.0-flash-lite",
        "gemini-2.0-flash-lite-preview-02-05",
        "gemini-2.0-flash-exp",
        "gemini-2.0-flash-realtime-exp",
        "gemini-1.5-flash",
        "gemini-1.5-flash-002",
        "gemini-1.5-pro",
        "gemini-1.5-pro-002",
        "gemini-1.0-pro",
    ]
    """The model to use for the knowledge base"""
    description: Required[str]
    """A description of the knowledge base"""
    fileIds: Required[Sequence[str]]
    """The file IDs associated with this knowledge base"""


class LMNTVoice(TypedDict, total=False):
    """The API's ``LMNTVoice`` (``"provider": "lmnt"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["lmnt"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "amy",
            "ansel",
            "autumn",
            "ava",
            "brandon",
            "caleb",
            "cassian",
            "chloe",
            "dalton",
            "daniel",
            "dustin",
            "elowen",
            "evander",
            "huxley",
            "james",
            "juniper",
            "kennedy",
            "lauren",
            "leah",
            "lily",
            "lucas",
            "magnus",
            "miles",
            "morgan",
            "natalie",
            "nathan",
            "noah",
            "nyssa",
            "oliver",
            "paige",
            "ryan",
            "sadie",
            "sophie",
            "stella",
            "terrence",
            "tyler",
            "vesper",
            "violet",
            "warrick",
            "zain",
            "zeke",
            "zoe",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    speed: float
    """This is the speed multiplier that will be used."""
    language: Literal[
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yue",
        "yo",
        "za",
        "zh",
        "zu",
        "auto",
    ]
    """Two letter ISO 639-1 language code. Use "auto" for auto-detection."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class LangfuseObservabilityPlan(TypedDict, total=False):
    """The API's ``LangfuseObservabilityPlan``.

    Used in ``AssistantOverrides.observabilityPlan``: This is the plan for observability of
    assistant's calls.
    """

    provider: Required[Literal["langfuse"]]
    tags: Required[Sequence[str]]
    """This is an array of tags to be added to the Langfuse trace. Tags allow you to categorize and
    filter traces. https://langfuse.com/docs/tracing-features/tags
    """
    metadata: Mapping[str, Any]
    """This is a JSON object that will be added to the Langfuse trace. Traces can be enriched with
    metadata to better understand your users, application, and experiments.
    https://langfuse.com/docs/tracing-features/metadata
    By default it includes the call metadata, assistant metadata, and assistant overrides.
    """


class LivekitSmartEndpointingPlan(TypedDict, total=False):
    """The API's ``LivekitSmartEndpointingPlan`` (``"provider": "livekit"``).

    Used in ``StartSpeakingPlan.smartEndpointingPlan``: This is the plan for smart endpointing.
    """

    provider: Required[Literal["cozmox", "livekit", "custom-endpointing-model"]]
    """This is the provider for the smart endpointing plan."""
    waitFunction: str
    """This expression describes how long the bot will wait to start speaking based on the
    likelihood that the user has reached an endpoint.

    This is a millisecond valued function. It maps probabilities (real numbers on [0,1]) to
    milliseconds that the bot should wait before speaking ([0, \\infty]). Any negative values that
    are returned are set to zero (the bot can't start talking in the past).

    A probability of zero represents very high confidence that the caller has stopped speaking, and
    would like the bot to speak to them. A probability of one represents very high confidence that
    the caller is still speaking.

    Under the hood, this is parsed into a mathjs expression. Whatever you use to write your
    expression needs to be valid with respect to mathjs

    @default "20 + 500 * sqrt(x) + 2500 * x^3\"
    """


class McpToolMetadata(TypedDict, total=False):
    """The API's ``McpToolMetadata``.

    Used in ``CreateMcpToolDTO.metadata``.
    """

    protocol: Literal["sse", "shttp"]
    """This is the protocol used for MCP communication. Defaults to Streamable HTTP."""


class MessagePlan(TypedDict, total=False):
    """The API's ``MessagePlan``.

    Used in ``AssistantOverrides.messagePlan``: This is the plan for static predefined messages that
    can be spoken by the assistant during the call, like `idleMessages`.
    """

    idleMessages: Sequence[str]
    """This are the messages that the assistant will speak when the user hasn't responded for
    `idleTimeoutSeconds`. Each time the timeout is triggered, a random message will be chosen from
    this array.

    Usage:
    - If user gets distracted and doesn't respond for a while, this can be used to grab their
      attention.
    - If the transcriber doesn't pick up what the user said, this can be used to ask the user to
      repeat themselves. (From the perspective of the assistant, the conversation is idle since it
      didn't "hear" any user messages.)

    @default null (no idle message is spoken)
    """
    idleMessageMaxSpokenCount: float
    """This determines the maximum number of times `idleMessages` can be spoken during the call.

    @default 3
    """
    idleMessageResetCountOnUserSpeechEnabled: bool
    """This determines whether the idle message count is reset whenever the user speaks.

    @default false
    """
    idleTimeoutSeconds: float
    """This is the timeout in seconds before a message from `idleMessages` is spoken. The clock
    starts when the assistant finishes speaking and remains active until the user speaks.

    @default 10
    """
    silenceTimeoutMessage: str
    """This is the message that the assistant will say if the call ends due to silence.

    If unspecified, it will hang up without saying anything.
    """


class MonitorPlan(TypedDict, total=False):
    """The API's ``MonitorPlan``.

    Used in ``AssistantOverrides.monitorPlan``: This is the plan for real-time monitoring of the
    assistant's calls.
    """

    listenEnabled: bool
    """This determines whether the assistant's calls allow live listening. Defaults to true.

    Fetch `call.monitor.listenUrl` to get the live listening URL.

    @default true
    """
    listenAuthenticationEnabled: bool
    """This enables authentication on the `call.monitor.listenUrl`.

    If `listenAuthenticationEnabled` is `true`, the `call.monitor.listenUrl` will require an
    `Authorization: Bearer <cozmox-public-api-key>` header.

    @default false
    """
    controlEnabled: bool
    """This determines whether the assistant's calls allow live control. Defaults to true.

    Fetch `call.monitor.controlUrl` to get the live control URL.

    To use, send any control message via a POST request to `call.monitor.controlUrl`. Here are the
    types of controls supported:
    https://docs.cozmox.ai/api-reference/messages/client-inbound-message

    @default true
    """
    controlAuthenticationEnabled: bool
    """This enables authentication on the `call.monitor.controlUrl`.

    If `controlAuthenticationEnabled` is `true`, the `call.monitor.controlUrl` will require an
    `Authorization: Bearer <cozmox-public-api-key>` header.

    @default false
    """


class NeuphonicVoice(TypedDict, total=False):
    """The API's ``NeuphonicVoice`` (``"provider": "neuphonic"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["neuphonic"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """This is the provider-specific ID that will be used."""
    model: Literal["neu_hq", "neu_fast"]
    """This is the model that will be used. Defaults to 'neu_fast' if not specified."""
    language: Required[str]
    """This is the language (ISO 639-1) that is enforced for the model."""
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class OAuth2AuthenticationPlan(TypedDict, total=False):
    """The API's ``OAuth2AuthenticationPlan`` (``"type": "oauth2"``).

    Used in ``CreateCustomLLMCredentialDTO.authenticationPlan``: This is the authentication plan.
    """

    type: Required[Literal["oauth2"]]
    url: Required[str]
    """This is the OAuth2 URL."""
    clientId: Required[str]
    """This is the OAuth2 client ID."""
    clientSecret: Required[str]
    """This is the OAuth2 client secret."""
    scope: str
    """This is the scope of the OAuth2 token."""


class Oauth2AuthenticationSession(TypedDict, total=False):
    """The API's ``Oauth2AuthenticationSession``.

    Used in ``CreateGoHighLevelMCPCredentialDTO.authenticationSession``: This is the authentication
    session for the credential.
    """

    accessToken: str
    """This is the OAuth2 access token."""
    expiresAt: str
    """This is the OAuth2 access token expiration."""
    refreshToken: str
    """This is the OAuth2 refresh token."""


class OpenAIFunction(TypedDict, total=False):
    """The API's ``OpenAIFunction``.

    Used in ``CreateApiRequestToolDTO.function``: This is the function definition of the tool.
    """

    strict: bool
    """This is a boolean that controls whether to enable strict schema adherence when generating the
    function call. If set to true, the model will follow the exact schema defined in the parameters
    field. Only a subset of JSON Schema is supported when strict is true. Learn more about
    Structured Outputs in the [OpenAI
    guide](https://openai.com/index/introducing-structured-outputs-in-the-api/).

    @default false
    """
    name: Required[str]
    """This is the the name of the function to be called.

    Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.
    """
    description: str
    """This is the description of what the function does, used by the AI to choose when and how to
    call the function.
    """
    parameters: OpenAIFunctionParameters
    """These are the parameters the functions accepts, described as a JSON Schema object.

    See the [OpenAI guide](https://platform.openai.com/docs/guides/function-calling) for examples,
    and the [JSON Schema reference](https://json-schema.org/understanding-json-schema) for
    documentation about the format.

    Omitting parameters defines a function with an empty parameter list.
    """


class OpenAIFunctionParameters(TypedDict, total=False):
    """The API's ``OpenAIFunctionParameters``.

    Used in ``OpenAIFunction.parameters``: These are the parameters the functions accepts, described
    as a JSON Schema object.
    """

    type: Required[Literal["object"]]
    """This must be set to 'object'. It instructs the model to return a JSON object containing the
    function call properties.
    """
    properties: Required[Mapping[str, JsonSchema]]
    """This provides a description of the properties required by the function.
    JSON Schema can be used to specify expectations for each property.
    Refer to [this doc](https://ajv.js.org/json-schema.html#json-data-type) for a comprehensive
    guide on JSON Schema.
    """
    required: Sequence[str]
    """This specifies the properties that are required by the function."""


class OpenAIMessage(TypedDict, total=False):
    """The API's ``OpenAIMessage``.

    Used in ``AnthropicModel.messages``: This is the starting state for the conversation.
    """

    content: Required[str | None]
    role: Required[Literal["assistant", "function", "user", "system", "tool"]]


class OpenAIModel(TypedDict, total=False):
    """The API's ``OpenAIModel`` (``"provider": "openai"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["openai"]]
    """This is the provider that will be used for the model."""
    model: Required[
        Literal[
            "gpt-4.1-2025-04-14",
            "gpt-4.1-mini-2025-04-14",
            "gpt-4.1-nano-2025-04-14",
            "gpt-4.1",
            "gpt-4.1-mini",
            "gpt-4.1-nano",
            "gpt-4.5-preview",
            "chatgpt-4o-latest",
            "o3",
            "o3-mini",
            "o4-mini",
            "o1-preview",
            "o1-preview-2024-09-12",
            "o1-mini",
            "o1-mini-2024-09-12",
            "gpt-4o-realtime-preview-2024-10-01",
            "gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-mini-realtime-preview-2024-12-17",
            "gpt-4o-mini-2024-07-18",
            "gpt-4o-mini",
            "gpt-4o",
            "gpt-4o-2024-05-13",
            "gpt-4o-2024-08-06",
            "gpt-4o-2024-11-20",
            "gpt-4-turbo",
            "gpt-4-turbo-2024-04-09",
            "gpt-4-turbo-preview",
            "gpt-4-0125-preview",
            "gpt-4-1106-preview",
            "gpt-4",
            "gpt-4-0613",
            "gpt-3.5-turbo",
            "gpt-3.5-turbo-0125",
            "gpt-3.5-turbo-1106",
            "gpt-3.5-turbo-16k",
            "gpt-3.5-turbo-0613",
            "gpt-4.1-2025-04-14:westus",
            "gpt-4.1-2025-04-14:eastus2",
            "gpt-4.1-2025-04-14:eastus",
            "gpt-4.1-2025-04-14:westus3",
            "gpt-4.1-2025-04-14:northcentralus",
            "gpt-4.1-2025-04-14:southcentralus",
            "gpt-4.1-mini-2025-04-14:westus",
            "gpt-4.1-mini-2025-04-14:eastus2",
            "gpt-4.1-mini-2025-04-14:eastus",
            "gpt-4.1-mini-2025-04-14:westus3",
            "gpt-4.1-mini-2025-04-14:northcentralus",
            "gpt-4.1-mini-2025-04-14:southcentralus",
            "gpt-4.1-nano-2025-04-14:westus",
            "gpt-4.1-nano-2025-04-14:eastus2",
            "gpt-4.1-nano-2025-04-14:westus3",
            "gpt-4.1-nano-2025-04-14:northcentralus",
            "gpt-4.1-nano-2025-04-14:southcentralus",
            "gpt-4o-2024-11-20:swedencentral",
            "gpt-4o-2024-11-20:westus",
            "gpt-4o-2024-11-20:eastus2",
            "gpt-4o-2024-11-20:eastus",
            "gpt-4o-2024-11-20:westus3",
            "gpt-4o-2024-11-20:southcentralus",
            "gpt-4o-2024-08-06:westus",
            "gpt-4o-2024-08-06:westus3",
            "gpt-4o-2024-08-06:eastus",
            "gpt-4o-2024-08-06:eastus2",
            "gpt-4o-2024-08-06:northcentralus",
            "gpt-4o-2024-08-06:southcentralus",
            "gpt-4o-mini-2024-07-18:westus",
            "gpt-4o-mini-2024-07-18:westus3",
            "gpt-4o-mini-2024-07-18:eastus",
            "gpt-4o-mini-2024-07-18:eastus2",
            "gpt-4o-mini-2024-07-18:northcentralus",
            "gpt-4o-mini-2024-07-18:southcentralus",
            "gpt-4o-2024-05-13:eastus2",
            "gpt-4o-2024-05-13:eastus",
            "gpt-4o-2024-05-13:northcentralus",
            "gpt-4o-2024-05-13:southcentralus",
            "gpt-4o-2024-05-13:westus3",
            "gpt-4o-2024-05-13:westus",
            "gpt-4-turbo-2024-04-09:eastus2",
            "gpt-4-0125-preview:eastus",
            "gpt-4-0125-preview:northcentralus",
            "gpt-4-0125-preview:southcentralus",
            "gpt-4-1106-preview:australia",
            "gpt-4-1106-preview:canadaeast",
            "gpt-4-1106-preview:france",
            "gpt-4-1106-preview:india",
            "gpt-4-1106-preview:norway",
            "gpt-4-1106-preview:swedencentral",
            "gpt-4-1106-preview:uk",
            "gpt-4-1106-preview:westus",
            "gpt-4-1106-preview:westus3",
            "gpt-4-0613:canadaeast",
            "gpt-3.5-turbo-0125:canadaeast",
            "gpt-3.5-turbo-0125:northcentralus",
            "gpt-3.5-turbo-0125:southcentralus",
            "gpt-3.5-turbo-1106:canadaeast",
            "gpt-3.5-turbo-1106:westus",
        ]
    ]
    """This is the OpenAI model that will be used.

    When using Cozmox OpenAI or your own Azure Credentials, you have the option to specify the
    region for the selected model. This shouldn't be specified unless you have a specific reason to
    do so. Cozmox will automatically find the fastest region that make sense.
    This is helpful when you are required to comply with Data Residency rules. Learn more about
    Azure regions here
    https://azure.microsoft.com/en-us/explore/global-infrastructure/data-residency/.

    @default undefined
    """
    fallbackModels: Sequence[
        Literal[
            "gpt-4.1-2025-04-14",
            "gpt-4.1-mini-2025-04-14",
            "gpt-4.1-nano-2025-04-14",
            "gpt-4.1",
            "gpt-4.1-mini",
            "gpt-4.1-nano",
            "gpt-4.5-preview",
            "chatgpt-4o-latest",
            "o3",
            "o3-mini",
            "o4-mini",
            "o1-preview",
            "o1-preview-2024-09-12",
            "o1-mini",
            "o1-mini-2024-09-12",
            "gpt-4o-realtime-preview-2024-10-01",
            "gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-mini-realtime-preview-2024-12-17",
            "gpt-4o-mini-2024-07-18",
            "gpt-4o-mini",
            "gpt-4o",
            "gpt-4o-2024-05-13",
            "gpt-4o-2024-08-06",
            "gpt-4o-2024-11-20",
            "gpt-4-turbo",
            "gpt-4-turbo-2024-04-09",
            "gpt-4-turbo-preview",
            "gpt-4-0125-preview",
            "gpt-4-1106-preview",
            "gpt-4",
            "gpt-4-0613",
            "gpt-3.5-turbo",
            "gpt-3.5-turbo-0125",
            "gpt-3.5-turbo-1106",
            "gpt-3.5-turbo-16k",
            "gpt-3.5-turbo-0613",
            "gpt-4.1-2025-04-14:westus",
            "gpt-4.1-2025-04-14:eastus2",
            "gpt-4.1-2025-04-14:eastus",
            "gpt-4.1-2025-04-14:westus3",
            "gpt-4.1-2025-04-14:northcentralus",
            "gpt-4.1-2025-04-14:southcentralus",
            "gpt-4.1-mini-2025-04-14:westus",
            "gpt-4.1-mini-2025-04-14:eastus2",
            "gpt-4.1-mini-2025-04-14:eastus",
            "gpt-4.1-mini-2025-04-14:westus3",
            "gpt-4.1-mini-2025-04-14:northcentralus",
            "gpt-4.1-mini-2025-04-14:southcentralus",
            "gpt-4.1-nano-2025-04-14:westus",
            "gpt-4.1-nano-2025-04-14:eastus2",
            "gpt-4.1-nano-2025-04-14:westus3",
            "gpt-4.1-nano-2025-04-14:northcentralus",
            "gpt-4.1-nano-2025-04-14:southcentralus",
            "gpt-4o-2024-11-20:swedencentral",
            "gpt-4o-2024-11-20:westus",
            "gpt-4o-2024-11-20:eastus2",
            "gpt-4o-2024-11-20:eastus",
            "gpt-4o-2024-11-20:westus3",
            "gpt-4o-2024-11-20:southcentralus",
            "gpt-4o-2024-08-06:westus",
            "gpt-4o-2024-08-06:westus3",
            "gpt-4o-2024-08-06:eastus",
            "gpt-4o-2024-08-06:eastus2",
            "gpt-4o-2024-08-06:northcentralus",
            "gpt-4o-2024-08-06:southcentralus",
            "gpt-4o-mini-2024-07-18:westus",
            "gpt-4o-mini-2024-07-18:westus3",
            "gpt-4o-mini-2024-07-18:eastus",
            "gpt-4o-mini-2024-07-18:eastus2",
            "gpt-4o-mini-2024-07-18:northcentralus",
            "gpt-4o-mini-2024-07-18:southcentralus",
            "gpt-4o-2024-05-13:eastus2",
            "gpt-4o-2024-05-13:eastus",
            "gpt-4o-2024-05-13:northcentralus",
            "gpt-4o-2024-05-13:southcentralus",
            "gpt-4o-2024-05-13:westus3",
            "gpt-4o-2024-05-13:westus",
            "gpt-4-turbo-2024-04-09:eastus2",
            "gpt-4-0125-preview:eastus",
            "gpt-4-0125-preview:northcentralus",
            "gpt-4-0125-preview:southcentralus",
            "gpt-4-1106-preview:australia",
            "gpt-4-1106-preview:canadaeast",
            "gpt-4-1106-preview:france",
            "gpt-4-1106-preview:india",
            "gpt-4-1106-preview:norway",
            "gpt-4-1106-preview:swedencentral",
            "gpt-4-1106-preview:uk",
            "gpt-4-1106-preview:westus",
            "gpt-4-1106-preview:westus3",
            "gpt-4-0613:canadaeast",
            "gpt-3.5-turbo-0125:canadaeast",
            "gpt-3.5-turbo-0125:northcentralus",
            "gpt-3.5-turbo-0125:southcentralus",
            "gpt-3.5-turbo-1106:canadaeast",
            "gpt-3.5-turbo-1106:westus",
        ]
    ]
    """These are the fallback models that will be used if the primary model fails. This shouldn't be
    specified unless you have a specific reason to do so. Cozmox will automatically find the fastest
    fallbacks that make sense.
    """
    toolStrictCompatibilityMode: Literal[
        "strip-parameters-with-unsupported-validation", "strip-unsupported-validation"
    ]
    """Azure OpenAI doesn't support `maxLength` right now
    https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/structured-outputs?tabs=python-secure%2Cdotnet-entra-id&pivots=programming-language-csharp#unsupported-type-specific-keywords.
    Need to strip.

    - `strip-parameters-with-unsupported-validation` will strip parameters with unsupported
      validation.
    - `strip-unsupported-validation` will keep the parameters but strip unsupported validation.

    @default `strip-unsupported-validation`
    """
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class OpenAITranscriber(TypedDict, total=False):
    """The API's ``OpenAITranscriber`` (``"provider": "openai"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["openai"]]
    """This is the transcription provider that will be used."""
    model: Required[Literal["gpt-4o-transcribe", "gpt-4o-mini-transcribe"]]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "af",
        "ar",
        "hy",
        "az",
        "be",
        "bs",
        "bg",
        "ca",
        "zh",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "et",
        "fi",
        "fr",
        "gl",
        "de",
        "el",
        "he",
        "hi",
        "hu",
        "is",
        "id",
        "it",
        "ja",
        "kn",
        "kk",
        "ko",
        "lv",
        "lt",
        "mk",
        "ms",
        "mr",
        "mi",
        "ne",
        "no",
        "fa",
        "pl",
        "pt",
        "ro",
        "ru",
        "sr",
        "sk",
        "sl",
        "es",
        "sw",
        "sv",
        "tl",
        "ta",
        "th",
        "tr",
        "uk",
        "ur",
        "vi",
        "cy",
    ]
    """This is the language that will be set for the transcription."""
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class OpenAIVoice(TypedDict, total=False):
    """The API's ``OpenAIVoice`` (``"provider": "openai"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["openai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["alloy", "echo", "fable", "onyx", "nova", "shimmer"] | str]
    """This is the provider-specific ID that will be used.
    Please note that ash, ballad, coral, sage, and verse may only be used with realtime models.
    """
    model: Literal["tts-1", "tts-1-hd", "gpt-4o-mini-tts"]
    """This is the model that will be used for text-to-speech."""
    instructions: str
    """This is a prompt that allows you to control the voice of your generated audio.
    Does not work with 'tts-1' or 'tts-1-hd' models.
    """
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class OpenAIVoicemailDetectionPlan(TypedDict, total=False):
    """The API's ``OpenAIVoicemailDetectionPlan`` (``"provider": "openai"``).

    Used in ``AssistantOverrides.voicemailDetection``: These are the settings to configure or
    disable voicemail detection.
    """

    beepMaxAwaitSeconds: float
    """This is the maximum duration from the start of the call that we will wait for a voicemail
    beep, before speaking our message

    - If we detect a voicemail beep before this, we will speak the message at that point.

    - Setting too low a value means that the bot will start speaking its voicemail message too
      early. If it does so before the actual beep, it will get cut off. You should definitely tune
      this to your use case.

    @default 30
    @min 0
    @max 60
    """
    provider: Required[Literal["openai"]]
    """This is the provider to use for voicemail detection."""
    backoffPlan: VoicemailDetectionBackoffPlan
    """This is the backoff plan for the voicemail detection."""


class OpenRouterModel(TypedDict, total=False):
    """The API's ``OpenRouterModel`` (``"provider": "openrouter"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["openrouter"]]
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class PerplexityAIModel(TypedDict, total=False):
    """The API's ``PerplexityAIModel`` (``"provider": "perplexity-ai"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["perplexity-ai"]]
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class PlayHTVoice(TypedDict, total=False):
    """The API's ``PlayHTVoice`` (``"provider": "playht"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["playht"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "jennifer",
            "melissa",
            "will",
            "chris",
            "matt",
            "jack",
            "ruby",
            "davis",
            "donna",
            "michael",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    speed: float
    """This is the speed multiplier that will be used."""
    temperature: float
    """A floating point number between 0, exclusive, and 2, inclusive. If equal to null or not
    provided, the model's default temperature will be used. The temperature parameter controls
    variance. Lower temperatures result in more predictable results, higher temperatures allow each
    run to vary more, so the voice may sound less like the baseline voice.
    """
    emotion: Literal[
        "female_happy",
        "female_sad",
        "female_angry",
        "female_fearful",
        "female_disgust",
        "female_surprised",
        "male_happy",
        "male_sad",
        "male_angry",
        "male_fearful",
        "male_disgust",
        "male_surprised",
    ]
    """An emotion to be applied to the speech."""
    voiceGuidance: float
    """A number between 1 and 6. Use lower numbers to reduce how unique your chosen voice will be
    compared to other voices.
    """
    styleGuidance: float
    """A number between 1 and 30. Use lower numbers to to reduce how strong your chosen emotion will
    be. Higher numbers will create a very emotional performance.
    """
    textGuidance: float
    """A number between 1 and 2. This number influences how closely the generated speech adheres to
    the input text. Use lower values to create more fluid speech, but with a higher chance of
    deviating from the input text. Higher numbers will make the generated speech more accurate to
    the input text, ensuring that the words spoken align closely with the provided text.
    """
    model: Literal["PlayHT2.0", "PlayHT2.0-turbo", "Play3.0-mini", "PlayDialog"]
    """Playht voice model/engine to use."""
    language: Literal[
        "afrikaans",
        "albanian",
        "amharic",
        "arabic",
        "bengali",
        "bulgarian",
        "catalan",
        "croatian",
        "czech",
        "danish",
        "dutch",
        "english",
        "french",
        "galician",
        "german",
        "greek",
        "hebrew",
        "hindi",
        "hungarian",
        "indonesian",
        "italian",
        "japanese",
        "korean",
        "malay",
        "mandarin",
        "polish",
        "portuguese",
        "russian",
        "serbian",
        "spanish",
        "swedish",
        "tagalog",
        "thai",
        "turkish",
        "ukrainian",
        "urdu",
        "xhosa",
    ]
    """The language to use for the speech."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class RegexOption(TypedDict, total=False):
    """The API's ``RegexOption``.

    Used in ``AssistantCustomEndpointingRule.regexOptions``: These are the options for the regex
    match.
    """

    type: Required[Literal["ignore-case", "whole-word", "multi-line"]]
    """This is the type of the regex option. Options are:
    - `ignore-case`: Ignores the case of the text being matched. Add
    - `whole-word`: Matches whole words only.
    - `multi-line`: Matches across multiple lines.
    """
    enabled: Required[bool]
    """This is whether to enable the option.

    @default false
    """


class RegexReplacement(TypedDict, total=False):
    """The API's ``RegexReplacement`` (``"type": "regex"``).

    Used in ``FormatPlan.replacements``: These are the custom replacements you can make to the chunk
    before it is sent to the voice provider.
    """

    type: Required[Literal["regex"]]
    """This is the regex replacement type. You can use this to replace a word or phrase that matches
    a pattern.

    Usage:
    - Replace all numbers with "some number": { type: 'regex', regex: '\\\\d+', value: 'some number'
      }
    - Replace email addresses with "[EMAIL]": { type: 'regex', regex:
      '\\\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Z|a-z]{2,}\\\\b', value: '[EMAIL]' }
    - Replace phone numbers with a formatted version: { type: 'regex', regex:
      '(\\\\d{3})(\\\\d{3})(\\\\d{4})', value: '($1) $2-$3' }
    - Replace all instances of "color" or "colour" with "hue": { type: 'regex', regex: 'colou?r',
      value: 'hue' }
    - Capitalize the first letter of every sentence: { type: 'regex', regex: '(?<=\\\\. |^)[a-z]',
      value: (match) => match.toUpperCase() }
    """
    regex: Required[str]
    """This is the regex pattern to replace.

    Note:
    - This works by using the `string.replace` method in Node.JS. Eg. `"hello
      there".replace(/hello/g, "hi")` will return `"hi there"`.

    Hot tip:
    - In JavaScript, escape `\\` when sending the regex pattern. Eg. `"hello\\sthere"` will be sent
      over the wire as `"hellosthere"`. Send `"hello\\\\sthere"` instead.
    """
    options: Sequence[RegexOption]
    """These are the options for the regex replacement. Defaults to all disabled.

    @default []
    """
    value: Required[str]
    """This is the value that will replace the match."""


class RimeAIVoice(TypedDict, total=False):
    """The API's ``RimeAIVoice`` (``"provider": "rime-ai"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["rime-ai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "abbie",
            "allison",
            "ally",
            "alona",
            "amber",
            "ana",
            "antoine",
            "armon",
            "brenda",
            "brittany",
            "carol",
            "colin",
            "courtney",
            "elena",
            "elliot",
            "eva",
            "geoff",
            "gerald",
            "hank",
            "helen",
            "hera",
            "jen",
            "joe",
            "joy",
            "juan",
            "kendra",
            "kendrick",
            "kenneth",
            "kevin",
            "kris",
            "linda",
            "madison",
            "marge",
            "marina",
            "marissa",
            "marta",
            "maya",
            "nicholas",
            "nyles",
            "phil",
            "reba",
            "rex",
            "rick",
            "ritu",
            "rob",
            "rodney",
            "rohan",
            "rosco",
            "samantha",
            "sandy",
            "selena",
            "seth",
            "sharon",
            "stan",
            "tamra",
            "tanya",
            "tibur",
            "tj",
            "tyler",
            "viv",
            "yadira",
            "marsh",
            "bayou",
            "creek",
            "brook",
            "flower",
            "spore",
            "glacier",
            "gulch",
            "alpine",
            "cove",
            "lagoon",
            "tundra",
            "steppe",
            "mesa",
            "grove",
            "rainforest",
            "moraine",
            "wildflower",
            "peak",
            "boulder",
            "gypsum",
            "zest",
            "luna",
            "celeste",
            "orion",
            "ursa",
            "astra",
            "esther",
            "estelle",
            "andromeda",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["mist", "mistv2", "arcana"]
    """This is the model that will be used. Defaults to 'mistv2' when not specified."""
    speed: float
    """This is the speed multiplier that will be used."""
    pauseBetweenBrackets: bool
    """This is a flag that controls whether to add slight pauses using angle brackets. Example: "Hi.
    <200> I'd love to have a conversation with you." adds a 200ms pause between the first and second
    sentences.
    """
    phonemizeBetweenBrackets: bool
    """This is a flag that controls whether text inside brackets should be phonemized (converted to
    phonetic pronunciation) - Example: "{h'El.o} World" will pronounce "Hello" as expected.
    """
    reduceLatency: bool
    """This is a flag that controls whether to optimize for reduced latency in streaming.
    https://docs.rime.ai/api-reference/endpoint/websockets#param-reduce-latency
    """
    inlineSpeedAlpha: str
    """This is a string that allows inline speed control using alpha notation.
    https://docs.rime.ai/api-reference/endpoint/websockets#param-inline-speed-alpha
    """
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class SayAssistantHookAction(TypedDict, total=False):
    """The API's ``SayAssistantHookAction`` (``"type": "say"``).

    Used in ``AssistantHookAssistantSpeechInterrupted.do``: This is the set of actions to perform
    when the hook triggers
    """

    type: Required[Literal["say"]]
    """This is the type of action - must be "say\""""
    exact: Required[Mapping[str, Any]]
    """This is the message to say"""


class SbcConfiguration(TypedDict, total=False):
    """The API's ``SbcConfiguration``.

    Used in ``CreateByoSipTrunkCredentialDTO.sbcConfiguration``: This is an advanced configuration
    for enterprise deployments.
    """


class Server(TypedDict, total=False):
    """The API's ``Server``.

    Used in ``AssistantOverrides.server``: This is where Cozmox will send webhooks.
    """

    timeoutSeconds: float
    """This is the timeout in seconds for the request. Defaults to 20 seconds.

    @default 20
    """
    url: str
    """This is where the request will be sent."""
    headers: Mapping[str, Any]
    """These are the headers to include in the request.

    Each key-value pair represents a header name and its value.
    """
    backoffPlan: BackoffPlan
    """This is the backoff plan if the request fails. Defaults to undefined (the request will not be
    retried).

    @default undefined (the request will not be retried)
    """


class SesameVoice(TypedDict, total=False):
    """The API's ``SesameVoice`` (``"provider": "sesame"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["sesame"]]
    """This is the voice provider that will be used."""
    voiceId: Required[str]
    """This is the provider-specific ID that will be used."""
    model: Required[Literal["csm-1b"]]
    """This is the model that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class SipTrunkGateway(TypedDict, total=False):
    """The API's ``SipTrunkGateway``.

    Used in ``CreateByoSipTrunkCredentialDTO.gateways``: This is the list of SIP trunk's gateways.
    """

    ip: Required[str]
    """This is the address of the gateway. It can be an IPv4 address like 1.1.1.1 or a fully
    qualified domain name like my-sip-trunk.pstn.twilio.com.
    """
    port: float
    """This is the port number of the gateway. Default is 5060.

    @default 5060
    """
    netmask: float
    """This is the netmask of the gateway. Defaults to 32.

    @default 32
    """
    inboundEnabled: bool
    """This is whether inbound calls are allowed from this gateway. Default is true.

    @default true
    """
    outboundEnabled: bool
    """This is whether outbound calls should be sent to this gateway. Default is true.

    Note, if netmask is less than 32, it doesn't affect the outbound IPs that are tried. 1 attempt
    is made to `ip:port`.

    @default true
    """
    outboundProtocol: Literal["tls/srtp", "tcp", "tls", "udp"]
    """This is the protocol to use for SIP signaling outbound calls. Default is udp.

    @default udp
    """
    optionsPingEnabled: bool
    """This is whether to send options ping to the gateway. This can be used to check if the gateway
    is reachable. Default is false.

    This is useful for high availability setups where you want to check if the gateway is reachable
    before routing calls to it. Note, if no gateway for a trunk is reachable, outbound calls will be
    rejected.

    @default false
    """


class SipTrunkOutboundAuthenticationPlan(TypedDict, total=False):
    """The API's ``SipTrunkOutboundAuthenticationPlan``.

    Used in ``CreateByoSipTrunkCredentialDTO.outboundAuthenticationPlan``: This can be used to
    configure the outbound authentication if required by the SIP trunk.
    """

    authPassword: str
    """This is not returned in the API."""
    authUsername: str
    sipRegisterPlan: SipTrunkOutboundSipRegisterPlan
    """This can be used to configure if SIP register is required by the SIP trunk. If not provided,
    no SIP registration will be attempted.
    """


class SipTrunkOutboundSipRegisterPlan(TypedDict, total=False):
    """The API's ``SipTrunkOutboundSipRegisterPlan``.

    Used in ``SipTrunkOutboundAuthenticationPlan.sipRegisterPlan``: This can be used to configure if
    SIP register is required by the SIP trunk.
    """

    domain: str
    username: str
    realm: str


class SmallestAIVoice(TypedDict, total=False):
    """The API's ``SmallestAIVoice`` (``"provider": "smallest-ai"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["smallest-ai"]]
    """This is the voice provider that will be used."""
    voiceId: Required[
        Literal[
            "emily",
            "jasmine",
            "arman",
            "james",
            "mithali",
            "aravind",
            "raj",
            "diya",
            "raman",
            "ananya",
            "isha",
            "william",
            "aarav",
            "monika",
            "niharika",
            "deepika",
            "raghav",
            "kajal",
            "radhika",
            "mansi",
            "nisha",
            "saurabh",
            "pooja",
            "saina",
            "sanya",
        ]
        | str
    ]
    """This is the provider-specific ID that will be used."""
    model: Literal["lightning"]
    """Smallest AI voice model to use. Defaults to 'lightning' when not specified."""
    speed: float
    """This is the speed multiplier that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class SmartDenoisingPlan(TypedDict, total=False):
    """The API's ``SmartDenoisingPlan``.

    Used in ``BackgroundSpeechDenoisingPlan.smartDenoisingPlan``: Whether smart denoising using
    Krisp is enabled.
    """

    enabled: bool
    """Whether smart denoising using Krisp is enabled."""


class SpeechmaticsTranscriber(TypedDict, total=False):
    """The API's ``SpeechmaticsTranscriber`` (``"provider": "speechmatics"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["speechmatics"]]
    """This is the transcription provider that will be used."""
    model: Literal["default"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "auto",
        "ar",
        "ba",
        "eu",
        "be",
        "bn",
        "bg",
        "yue",
        "ca",
        "hr",
        "cs",
        "da",
        "nl",
        "en",
        "eo",
        "et",
        "fi",
        "fr",
        "gl",
        "de",
        "el",
        "he",
        "hi",
        "hu",
        "id",
        "ia",
        "ga",
        "it",
        "ja",
        "ko",
        "lv",
        "lt",
        "ms",
        "mt",
        "cmn",
        "mr",
        "mn",
        "no",
        "fa",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "es",
        "sw",
        "sv",
        "ta",
        "th",
        "tr",
        "uk",
        "ur",
        "ug",
        "vi",
        "cy",
    ]
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class StartSpeakingPlan(TypedDict, total=False):
    """The API's ``StartSpeakingPlan``.

    Used in ``AssistantOverrides.startSpeakingPlan``: This is the plan for when the assistant should
    start talking.
    """

    waitSeconds: float
    """This is how long assistant waits before speaking. Defaults to 0.4.

    This is the minimum it will wait but if there is latency is the pipeline, this minimum will be
    exceeded. This is intended as a stopgap in case the pipeline is moving too fast.

    Example:
    - If model generates tokens and voice generates bytes within 100ms, the pipeline still waits
      300ms before outputting speech.

    Usage:
    - If the customer is taking long pauses, set this to a higher value.
    - If the assistant is accidentally jumping in too much, set this to a higher value.

    @default 0.4
    """
    smartEndpointingEnabled: bool | Literal["livekit"]
    """Deprecated."""
    smartEndpointingPlan: (
        CozmoxSmartEndpointingPlan
        | LivekitSmartEndpointingPlan
        | CustomEndpointingModelSmartEndpointingPlan
    )
    """This is the plan for smart endpointing. Pick between Cozmox smart endpointing or LiveKit
    smart endpointing (or nothing). We strongly recommend using livekit endpointing when working in
    English. LiveKit endpointing is not supported in other languages, yet.

    If this is set, it will override and take precedence over `transcriptionEndpointingPlan`.
    This plan will still be overridden by any matching `customEndpointingRules`.
    """
    customEndpointingRules: Sequence[
        AssistantCustomEndpointingRule | CustomerCustomEndpointingRule | BothCustomEndpointingRule
    ]
    """These are the custom endpointing rules to set an endpointing timeout based on a regex on the
    customer's speech or the assistant's last message.

    Usage:
    - If you have yes/no questions like "are you interested in a loan?", you can set a shorter
      timeout.
    - If you have questions where the customer may pause to look up information like "what's my
      account number?", you can set a longer timeout.
    - If you want to wait longer while customer is enumerating a list of numbers, you can set a
      longer timeout.

    These rules have the highest precedence and will override both `smartEndpointingPlan` and
    `transcriptionEndpointingPlan` when a rule is matched.

    The rules are evaluated in order and the first one that matches will be used.

    Order of precedence for endpointing:
    1. customEndpointingRules (if any match)
    2. smartEndpointingPlan (if set)
    3. transcriptionEndpointingPlan

    @default []
    """
    transcriptionEndpointingPlan: TranscriptionEndpointingPlan
    """This determines how a customer speech is considered done (endpointing) using the
    transcription of customer's speech.

    Once an endpoint is triggered, the request is sent to `assistant.model`.

    Note: This plan is only used if `smartEndpointingPlan` is not set. If both are provided,
    `smartEndpointingPlan` takes precedence.
    This plan will also be overridden by any matching `customEndpointingRules`.
    """


class StopSpeakingPlan(TypedDict, total=False):
    """The API's ``StopSpeakingPlan``.

    Used in ``AssistantOverrides.stopSpeakingPlan``: This is the plan for when assistant should stop
    talking on customer interruption.
    """

    numWords: float
    """This is the number of words that the customer has to say before the assistant will stop
    talking.

    Words like "stop", "actually", "no", etc. will always interrupt immediately regardless of this
    value.

    Words like "okay", "yeah", "right" will never interrupt.

    When set to 0, `voiceSeconds` is used in addition to the transcriptions to determine the
    customer has started speaking.

    Defaults to 0.

    @default 0
    """
    voiceSeconds: float
    """This is the seconds customer has to speak before the assistant stops talking. This uses the
    VAD (Voice Activity Detection) spike to determine if the customer has started speaking.

    Considerations:
    - A lower value might be more responsive but could potentially pick up non-speech sounds.
    - A higher value reduces false positives but might slightly delay the detection of speech onset.

    This is only used if `numWords` is set to 0.

    Defaults to 0.2

    @default 0.2
    """
    backoffSeconds: float
    """This is the seconds to wait before the assistant will start talking again after being
    interrupted.

    Defaults to 1.

    @default 1
    """
    acknowledgementPhrases: Sequence[str]
    """These are the phrases that will never interrupt the assistant, even if numWords threshold is
    met.
    These are typically acknowledgement or backchanneling phrases.
    """
    interruptionPhrases: Sequence[str]
    """These are the phrases that will always interrupt the assistant immediately, regardless of
    numWords.
    These are typically phrases indicating disagreement or desire to stop.
    """


class StructuredDataMultiPlan(TypedDict, total=False):
    """The API's ``StructuredDataMultiPlan``.

    Used in ``AnalysisPlan.structuredDataMultiPlan``: This is an array of structured data plan
    catalogs.
    """

    key: Required[str]
    """This is the key of the structured data plan in the catalog."""
    plan: Required[StructuredDataPlan]
    """This is an individual structured data plan in the catalog."""


class StructuredDataPlan(TypedDict, total=False):
    """The API's ``StructuredDataPlan``.

    Used in ``AnalysisPlan.structuredDataPlan``: This is the plan for generating the structured data
    from the call.
    """

    messages: Sequence[Mapping[str, Any]]
    """These are the messages used to generate the structured data.

    @default: ```
    [
      {
        "role": "system",
        "content": "You are an expert data extractor. You will be given a transcript of a call.
        Extract structured data per the JSON Schema. DO NOT return anything except the structured
        data.\\n\\nJson Schema:\\\\n{{schema}}\\n\\nOnly respond with the JSON."
      },
      {
        "role": "user",
        "content": "Here is the transcript:\\n\\n{{transcript}}\\n\\n. Here is the ended reason of
        the call:\\n\\n{{endedReason}}\\n\\n"
      }
    ]```

    You can customize by providing any messages you want.

    Here are the template variables available:
    - {{transcript}}: the transcript of the call from `call.artifact.transcript`- {{systemPrompt}}:
      the system prompt of the call from `assistant.model.messages[type=system].content`-
      {{schema}}: the schema of the structured data from `structuredDataPlan.schema`-
      {{endedReason}}: the ended reason of the call from `call.endedReason`
    """
    enabled: bool
    """This determines whether structured data is generated and stored in
    `call.analysis.structuredData`. Defaults to false.

    Usage:
    - If you want to extract structured data, set this to true and provide a `schema`.

    @default false
    """
    schema: JsonSchema
    """This is the schema of the structured data. The output is stored in
    `call.analysis.structuredData`.

    Complete guide on JSON Schema can be found
    [here](https://ajv.js.org/json-schema.html#json-data-type).
    """
    timeoutSeconds: float
    """This is how long the request is tried before giving up. When request times out,
    `call.analysis.structuredData` will be empty.

    Usage:
    - To guarantee the structured data is generated, set this value high. Note, this will delay the
      end of call report in cases where model is slow to respond.

    @default 5 seconds
    """


class SuccessEvaluationPlan(TypedDict, total=False):
    """The API's ``SuccessEvaluationPlan``.

    Used in ``AnalysisPlan.successEvaluationPlan``: This is the plan for generating the success
    evaluation of the call.
    """

    rubric: Literal[
        "NumericScale",
        "DescriptiveScale",
        "Checklist",
        "Matrix",
        "PercentageScale",
        "LikertScale",
        "AutomaticRubric",
        "PassFail",
    ]
    """This enforces the rubric of the evaluation. The output is stored in
    `call.analysis.successEvaluation`.

    Options include:
    - 'NumericScale': A scale of 1 to 10.
    - 'DescriptiveScale': A scale of Excellent, Good, Fair, Poor.
    - 'Checklist': A checklist of criteria and their status.
    - 'Matrix': A grid that evaluates multiple criteria across different performance levels.
    - 'PercentageScale': A scale of 0% to 100%.
    - 'LikertScale': A scale of Strongly Agree, Agree, Neutral, Disagree, Strongly Disagree.
    - 'AutomaticRubric': Automatically break down evaluation into several criteria, each with its
      own score.
    - 'PassFail': A simple 'true' if call passed, 'false' if not.

    Default is 'PassFail'.
    """
    messages: Sequence[Mapping[str, Any]]
    """These are the messages used to generate the success evaluation.

    @default: ```
    [
      {
        "role": "system",
        "content": "You are an expert call evaluator. You will be given a transcript of a call and
        the system prompt of the AI participant. Determine if the call was successful based on the
        objectives inferred from the system prompt. DO NOT return anything except the
        result.\\n\\nRubric:\\\\n{{rubric}}\\n\\nOnly respond with the result."
      },
      {
        "role": "user",
        "content": "Here is the transcript:\\n\\n{{transcript}}\\n\\n"
      },
      {
        "role": "user",
        "content": "Here was the system prompt of the call:\\n\\n{{systemPrompt}}\\n\\n. Here is the
        ended reason of the call:\\n\\n{{endedReason}}\\n\\n"
      }
    ]```

    You can customize by providing any messages you want.

    Here are the template variables available:
    - {{transcript}}: the transcript of the call from `call.artifact.transcript`- {{systemPrompt}}:
      the system prompt of the call from `assistant.model.messages[type=system].content`-
      {{rubric}}: the rubric of the success evaluation from `successEvaluationPlan.rubric`-
      {{endedReason}}: the ended reason of the call from `call.endedReason`
    """
    enabled: bool
    """This determines whether a success evaluation is generated and stored in
    `call.analysis.successEvaluation`. Defaults to true.

    Usage:
    - If you want to disable the success evaluation, set this to false.

    @default true
    """
    timeoutSeconds: float
    """This is how long the request is tried before giving up. When request times out,
    `call.analysis.successEvaluation` will be empty.

    Usage:
    - To guarantee the success evaluation is generated, set this value high. Note, this will delay
      the end of call report in cases where model is slow to respond.

    @default 5 seconds
    """


class SummaryPlan(TypedDict, total=False):
    """The API's ``SummaryPlan``.

    Used in ``AnalysisPlan.summaryPlan``: This is the plan for generating the summary of the call.
    """

    messages: Sequence[Mapping[str, Any]]
    """These are the messages used to generate the summary.

    @default: ```
    [
      {
        "role": "system",
        "content": "You are an expert note-taker. You will be given a transcript of a call.
        Summarize the call in 2-3 sentences. DO NOT return anything except the summary."
      },
      {
        "role": "user",
        "content": "Here is the transcript:\\n\\n{{transcript}}\\n\\n. Here is the ended reason of
        the call:\\n\\n{{endedReason}}\\n\\n"
      }
    ]```

    You can customize by providing any messages you want.

    Here are the template variables available:
    - {{transcript}}: The transcript of the call from `call.artifact.transcript`
    - {{systemPrompt}}: The system prompt of the call from
      `assistant.model.messages[type=system].content`
    - {{endedReason}}: The ended reason of the call from `call.endedReason`
    """
    enabled: bool
    """This determines whether a summary is generated and stored in `call.analysis.summary`.
    Defaults to true.

    Usage:
    - If you want to disable the summary, set this to false.

    @default true
    """
    timeoutSeconds: float
    """This is how long the request is tried before giving up. When request times out,
    `call.analysis.summary` will be empty.

    Usage:
    - To guarantee the summary is generated, set this value high. Note, this will delay the end of
      call report in cases where model is slow to respond.

    @default 5 seconds
    """


class SupabaseBucketPlan(TypedDict, total=False):
    """The API's ``SupabaseBucketPlan``.

    Used in ``CreateSupabaseCredentialDTO.bucketPlan``.
    """

    region: Required[
        Literal[
            "us-west-1",
            "us-east-1",
            "us-east-2",
            "ca-central-1",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "ap-south-1",
            "ap-southeast-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-southeast-2",
            "sa-east-1",
        ]
    ]
    """This is the S3 Region. It should look like us-east-1
    It should be one of the supabase regions defined in the SUPABASE_REGION enum
    Check https://supabase.com/docs/guides/platform/regions for up to date regions
    """
    url: Required[str]
    """This is the S3 compatible URL for Supabase S3
    This should look like https://<project-ID>.supabase.co/storage/v1/s3
    """
    accessKeyId: Required[str]
    """This is the Supabase S3 Access Key ID.
    The user creates this in the Supabase project Storage settings
    """
    secretAccessKey: Required[str]
    """This is the Supabase S3 Secret Access Key.
    The user creates this in the Supabase project Storage settings along with the access key id
    """
    name: Required[str]
    """This is the Supabase S3 Bucket Name.
    The user must create this in Supabase under Storage > Buckets
    A bucket that does not exist will not be checked now, but file uploads will fail
    """
    path: str
    """This is the Supabase S3 Bucket Folder Path.
    The user can create this in Supabase under Storage > Buckets
    A path that does not exist will not be checked now, but file uploads will fail
    A Path is like a folder in the bucket
    Eg. If the bucket is called "my-bucket" and the path is "my-folder", the full path is
    "my-bucket/my-folder\"
    """


class TalkscriberTranscriber(TypedDict, total=False):
    """The API's ``TalkscriberTranscriber`` (``"provider": "talkscriber"``).

    Used in ``AssistantOverrides.transcriber``: These are the options for the assistant's
    transcriber.
    """

    provider: Required[Literal["talkscriber"]]
    """This is the transcription provider that will be used."""
    model: Literal["whisper"]
    """This is the model that will be used for the transcription."""
    language: Literal[
        "en",
        "zh",
        "de",
        "es",
        "ru",
        "ko",
        "fr",
        "ja",
        "pt",
        "tr",
        "pl",
        "ca",
        "nl",
        "ar",
        "sv",
        "it",
        "id",
        "hi",
        "fi",
        "vi",
        "he",
        "uk",
        "el",
        "ms",
        "cs",
        "ro",
        "da",
        "hu",
        "ta",
        "no",
        "th",
        "ur",
        "hr",
        "bg",
        "lt",
        "la",
        "mi",
        "ml",
        "cy",
        "sk",
        "te",
        "fa",
        "lv",
        "bn",
        "sr",
        "az",
        "sl",
        "kn",
        "et",
        "mk",
        "br",
        "eu",
        "is",
        "hy",
        "ne",
        "mn",
        "bs",
        "kk",
        "sq",
        "sw",
        "gl",
        "mr",
        "pa",
        "si",
        "km",
        "sn",
        "yo",
        "so",
        "af",
        "oc",
        "ka",
        "be",
        "tg",
        "sd",
        "gu",
        "am",
        "yi",
        "lo",
        "uz",
        "fo",
        "ht",
        "ps",
        "tk",
        "nn",
        "mt",
        "sa",
        "lb",
        "my",
        "bo",
        "tl",
        "mg",
        "as",
        "tt",
        "haw",
        "ln",
        "ha",
        "ba",
        "jw",
        "su",
        "yue",
    ]
    """This is the language that will be set for the transcription. The list of languages Whisper
    supports can be found here: https://github.com/openai/whisper/blob/main/whisper/tokenizer.py
    """
    fallbackPlan: FallbackTranscriberPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class TavusConversationProperties(TypedDict, total=False):
    """The API's ``TavusConversationProperties``.

    Used in ``FallbackTavusVoice.properties``: These are optional properties used to customize the
    conversation.
    """

    maxCallDuration: float
    """The maximum duration of the call in seconds. The default `maxCallDuration` is 3600 seconds (1
    hour).
    Once the time limit specified by this parameter has been reached, the conversation will
    automatically shut down.
    """
    participantLeftTimeout: float
    """The duration in seconds after which the call will be automatically shut down once the last
    participant leaves.
    """
    participantAbsentTimeout: float
    """Starting from conversation creation, the duration in seconds after which the call will be
    automatically shut down if no participant joins the call.
    Default is 300 seconds (5 minutes).
    """
    enableRecording: bool
    """If true, the user will be able to record the conversation."""
    enableTranscription: bool
    """If true, the user will be able to transcribe the conversation.
    You can find more instructions on displaying transcriptions if you are using your custom DailyJS
    components here.
    You need to have an event listener on Daily that listens for `app-messages`.
    """
    applyGreenscreen: bool
    """If true, the background will be replaced with a greenscreen (RGB values: `[0, 255, 155]`).
    You can use WebGL on the frontend to make the greenscreen transparent or change its color.
    """
    language: str
    """The language of the conversation. Please provide the **full language name**, not the
    two-letter code.
    If you are using your own TTS voice, please ensure it supports the language you provide.
    If you are using a stock replica or default persona, please note that only ElevenLabs and
    Cartesia supported languages are available.
    You can find a full list of supported languages for Cartesia here, for ElevenLabs here, and for
    PlayHT here.
    """
    recordingS3BucketName: str
    """The name of the S3 bucket where the recording will be stored."""
    recordingS3BucketRegion: str
    """The region of the S3 bucket where the recording will be stored."""
    awsAssumeRoleArn: str
    """The ARN of the role that will be assumed to access the S3 bucket."""


class TavusVoice(TypedDict, total=False):
    """The API's ``TavusVoice`` (``"provider": "tavus"``).

    Used in ``AssistantOverrides.voice``: These are the options for the assistant's voice.
    """

    cachingEnabled: bool
    """This is the flag to toggle voice caching for the assistant."""
    provider: Required[Literal["tavus"]]
    """This is the voice provider that will be used."""
    voiceId: Required[Literal["r52da2535a"] | str]
    """This is the provider-specific ID that will be used."""
    chunkPlan: ChunkPlan
    """This is the plan for chunking the model output before it is sent to the voice provider."""
    personaId: str
    """This is the unique identifier for the persona that the replica will use in the conversation."""
    callbackUrl: str
    """This is the url that will receive webhooks with updates regarding the conversation state."""
    conversationName: str
    """This is the name for the conversation."""
    conversationalContext: str
    """This is the context that will be appended to any context provided in the persona, if one is
    provided.
    """
    customGreeting: str
    """This is the custom greeting that the replica will give once a participant joines the
    conversation.
    """
    properties: TavusConversationProperties
    """These are optional properties used to customize the conversation."""
    fallbackPlan: FallbackPlan
    """This is the plan for voice provider fallbacks in the event that the primary voice provider
    fails.
    """


class TextContent(TypedDict, total=False):
    """The API's ``TextContent``.

    Used in ``CustomMessage.contents``: This is an alternative to the `content` property.
    """

    type: Required[Literal["text"]]
    text: Required[str]
    language: Required[
        Literal[
            "aa",
            "ab",
            "ae",
            "af",
            "ak",
            "am",
            "an",
            "ar",
            "as",
            "av",
            "ay",
            "az",
            "ba",
            "be",
            "bg",
            "bh",
            "bi",
            "bm",
            "bn",
            "bo",
            "br",
            "bs",
            "ca",
            "ce",
            "ch",
            "co",
            "cr",
            "cs",
            "cu",
            "cv",
            "cy",
            "da",
            "de",
            "dv",
            "dz",
            "ee",
            "el",
            "en",
            "eo",
            "es",
            "et",
            "eu",
            "fa",
            "ff",
            "fi",
            "fj",
            "fo",
            "fr",
            "fy",
            "ga",
            "gd",
            "gl",
            "gn",
            "gu",
            "gv",
            "ha",
            "he",
            "hi",
            "ho",
            "hr",
            "ht",
            "hu",
            "hy",
            "hz",
            "ia",
            "id",
            "ie",
            "ig",
            "ii",
            "ik",
            "io",
            "is",
            "it",
            "iu",
            "ja",
            "jv",
            "ka",
            "kg",
            "ki",
            "kj",
            "kk",
            "kl",
            "km",
            "kn",
            "ko",
            "kr",
            "ks",
            "ku",
            "kv",
            "kw",
            "ky",
            "la",
            "lb",
            "lg",
            "li",
            "ln",
            "lo",
            "lt",
            "lu",
            "lv",
            "mg",
            "mh",
            "mi",
            "mk",
            "ml",
            "mn",
            "mr",
            "ms",
            "mt",
            "my",
            "na",
            "nb",
            "nd",
            "ne",
            "ng",
            "nl",
            "nn",
            "no",
            "nr",
            "nv",
            "ny",
            "oc",
            "oj",
            "om",
            "or",
            "os",
            "pa",
            "pi",
            "pl",
            "ps",
            "pt",
            "qu",
            "rm",
            "rn",
            "ro",
            "ru",
            "rw",
            "sa",
            "sc",
            "sd",
            "se",
            "sg",
            "si",
            "sk",
            "sl",
            "sm",
            "sn",
            "so",
            "sq",
            "sr",
            "ss",
            "st",
            "su",
            "sv",
            "sw",
            "ta",
            "te",
            "tg",
            "th",
            "ti",
            "tk",
            "tl",
            "tn",
            "to",
            "tr",
            "ts",
            "tt",
            "tw",
            "ty",
            "ug",
            "uk",
            "ur",
            "uz",
            "ve",
            "vi",
            "vo",
            "wa",
            "wo",
            "xh",
            "yi",
            "yue",
            "yo",
            "za",
            "zh",
            "zu",
        ]
    ]


class TogetherAIModel(TypedDict, total=False):
    """The API's ``TogetherAIModel`` (``"provider": "together-ai"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    provider: Required[Literal["together-ai"]]
    model: Required[str]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """


class ToolMessageComplete(TypedDict, total=False):
    """The API's ``ToolMessageComplete`` (``"type": "request-complete"``).

    Used in ``CreateApiRequestToolDTO.messages``: These are the messages that will be spoken to the
    user as the tool is running.
    """

    contents: Sequence[TextContent]
    """This is an alternative to the `content` property. It allows to specify variants of the same
    content, one per language.

    Usage:
    - If your assistants are multilingual, you can provide content for each language.
    - If you don't provide content for a language, the first item in the array will be automatically
      translated to the active language at that moment.

    This will override the `content` property.
    """
    type: Required[Literal["request-complete"]]
    """This message is triggered when the tool call is complete.

    This message is triggered immediately without waiting for your server to respond for async tool
    calls.

    If this message is not provided, the model will be requested to respond.

    If this message is provided, only this message will be spoken and the model will not be
    requested to come up with a response. It's an exclusive OR.
    """
    role: Literal["assistant", "system"]
    """This is optional and defaults to "assistant".

    When role=assistant, `content` is said out loud.

    When role=system, `content` is passed to the model in a system message. Example:
        system: default one
        assistant:
        user:
        assistant:
        user:
        assistant:
        user:
        assistant: tool called
        tool: your server response
        <--- system prompt as hint
        ---> model generates response which is spoken
    This is useful when you want to provide a hint to the model about what to say next.
    """
    endCallAfterSpokenEnabled: bool
    """This is an optional boolean that if true, the call will end after the message is spoken.
    Default is false.

    This is ignored if `role` is set to `system`.

    @default false
    """
    content: str
    """This is the content that the assistant says when this message is triggered."""
    conditions: Sequence[Condition]
    """This is an optional array of conditions that the tool call arguments must meet in order for
    this message to be triggered.
    """


class ToolMessageDelayed(TypedDict, total=False):
    """The API's ``ToolMessageDelayed`` (``"type": "request-response-delayed"``).

    Used in ``CreateApiRequestToolDTO.messages``: These are the messages that will be spoken to the
    user as the tool is running.
    """

    contents: Sequence[TextContent]
    """This is an alternative to the `content` property. It allows to specify variants of the same
    content, one per language.

    Usage:
    - If your assistants are multilingual, you can provide content for each language.
    - If you don't provide content for a language, the first item in the array will be automatically
      translated to the active language at that moment.

    This will override the `content` property.
    """
    type: Required[Literal["request-response-delayed"]]
    """This message is triggered when the tool call is delayed.

    There are the two things that can trigger this message:
    1. The user talks with the assistant while your server is processing the request. Default is
    "Sorry, a few more seconds."
    2. The server doesn't respond within `timingMilliseconds`.

    This message is never triggered for async tool calls.
    """
    timingMilliseconds: float
    """The number of milliseconds to wait for the server response before saying this message."""
    content: str
    """This is the content that the assistant says when this message is triggered."""
    conditions: Sequence[Condition]
    """This is an optional array of conditions that the tool call arguments must meet in order for
    this message to be triggered.
    """


class ToolMessageFailed(TypedDict, total=False):
    """The API's ``ToolMessageFailed`` (``"type": "request-failed"``).

    Used in ``CreateApiRequestToolDTO.messages``: These are the messages that will be spoken to the
    user as the tool is running.
    """

    contents: Sequence[TextContent]
    """This is an alternative to the `content` property. It allows to specify variants of the same
    content, one per language.

    Usage:
    - If your assistants are multilingual, you can provide content for each language.
    - If you don't provide content for a language, the first item in the array will be automatically
      translated to the active language at that moment.

    This will override the `content` property.
    """
    type: Required[Literal["request-failed"]]
    """This message is triggered when the tool call fails.

    This message is never triggered for async tool calls.

    If this message is not provided, the model will be requested to respond.

    If this message is provided, only this message will be spoken and the model will not be
    requested to come up with a response. It's an exclusive OR.
    """
    endCallAfterSpokenEnabled: bool
    """This is an optional boolean that if true, the call will end after the message is spoken.
    Default is false.

    @default false
    """
    content: str
    """This is the content that the assistant says when this message is triggered."""
    conditions: Sequence[Condition]
    """This is an optional array of conditions that the tool call arguments must meet in order for
    this message to be triggered.
    """


class ToolMessageStart(TypedDict, total=False):
    """The API's ``ToolMessageStart`` (``"type": "request-start"``).

    Used in ``CreateApiRequestToolDTO.messages``: These are the messages that will be spoken to the
    user as the tool is running.
    """

    contents: Sequence[TextContent]
    """This is an alternative to the `content` property. It allows to specify variants of the same
    content, one per language.

    Usage:
    - If your assistants are multilingual, you can provide content for each language.
    - If you don't provide content for a language, the first item in the array will be automatically
      translated to the active language at that moment.

    This will override the `content` property.
    """
    type: Required[Literal["request-start"]]
    """This message is triggered when the tool call starts.

    This message is never triggered for async tools.

    If this message is not provided, one of the default filler messages "Hold on a sec", "One
    moment", "Just a sec", "Give me a moment" or "This'll just take a sec" will be used.
    """
    blocking: bool
    """This is an optional boolean that if true, the tool call will only trigger after the message
    is spoken. Default is false.

    @default false
    """
    content: str
    """This is the content that the assistant says when this message is triggered."""
    conditions: Sequence[Condition]
    """This is an optional array of conditions that the tool call arguments must meet in order for
    this message to be triggered.
    """


class TranscriptPlan(TypedDict, total=False):
    """The API's ``TranscriptPlan``.

    Used in ``ArtifactPlan.transcriptPlan``: This is the plan for `call.artifact.transcript`.
    """

    enabled: bool
    """This determines whether the transcript is stored in `call.artifact.transcript`. Defaults to
    true.

    @default true
    """
    assistantName: str
    """This is the name of the assistant in the transcript. Defaults to 'AI'.

    Usage:
    - If you want to change the name of the assistant in the transcript, set this. Example, here is
      what the transcript would look like with `assistantName` set to 'Buyer':
    ```
    User: Hello, how are you?
    Buyer: I'm fine.
    User: Do you want to buy a car?
    Buyer: No.
    ```

    @default 'AI'
    """
    userName: str
    """This is the name of the user in the transcript. Defaults to 'User'.

    Usage:
    - If you want to change the name of the user in the transcript, set this. Example, here is what
      the transcript would look like with `userName` set to 'Seller':
    ```
    Seller: Hello, how are you?
    AI: I'm fine.
    Seller: Do you want to buy a car?
    AI: No.
    ```

    @default 'User'
    """


class TranscriptionEndpointingPlan(TypedDict, total=False):
    """The API's ``TranscriptionEndpointingPlan``.

    Used in ``StartSpeakingPlan.transcriptionEndpointingPlan``: This determines how a customer
    speech is considered done (endpointing) using the transcription of customer's speech.
    """

    onPunctuationSeconds: float
    """The minimum number of seconds to wait after transcription ending with punctuation before
    sending a request to the model. Defaults to 0.1.

    This setting exists because the transcriber punctuates the transcription when it's more
    confident that customer has completed a thought.

    @default 0.1
    """
    onNoPunctuationSeconds: float
    """The minimum number of seconds to wait after transcription ending without punctuation before
    sending a request to the model. Defaults to 1.5.

    This setting exists to catch the cases where the transcriber was not confident enough to
    punctuate the transcription, but the customer is done and has been silent for a long time.

    @default 1.5
    """
    onNumberSeconds: float
    """The minimum number of seconds to wait after transcription ending with a number before sending
    a request to the model. Defaults to 0.4.

    This setting exists because the transcriber will sometimes punctuate the transcription ending
    with a number, even though the customer hasn't uttered the full number. This happens commonly
    for long numbers when the customer reads the number in chunks.

    @default 0.5
    """


class TransferAssistantHookAction(TypedDict, total=False):
    """The API's ``TransferAssistantHookAction`` (``"type": "transfer"``).

    Used in ``AssistantHookAssistantSpeechInterrupted.do``: This is the set of actions to perform
    when the hook triggers
    """

    type: Required[Literal["transfer"]]
    """This is the type of action - must be "transfer\""""
    destination: TransferDestinationNumber | TransferDestinationSip
    """This is the destination details for the transfer - can be a phone number or SIP URI"""


class TransferDestinationAssistant(TypedDict, total=False):
    """The API's ``TransferDestinationAssistant`` (``"type": "assistant"``).

    Used in ``CreateTransferCallToolDTO.destinations``: These are the destinations that the call can
    be transferred to.
    """

    message: str | CustomMessage
    """This is spoken to the customer before connecting them to the destination.

    Usage:
    - If this is not provided and transfer tool messages is not provided, default is "Transferring
      the call now".
    - If set to "", nothing is spoken. This is useful when you want to silently transfer. This is
      especially useful when transferring between assistants in a squad. In this scenario, you
      likely also want to set
      `assistant.firstMessageMode=assistant-speaks-first-with-model-generated-message` for the
      destination assistant.

    This accepts a string or a ToolMessageStart class. Latter is useful if you want to specify
    multiple messages for different languages through the `contents` field.
    """
    type: Required[Literal["assistant"]]
    transferMode: Literal[
        "rolling-history",
        "swap-system-message-in-history",
        "swap-system-message-in-history-and-remove-transfer-tool-messages",
        "delete-history",
    ]
    """This is the mode to use for the transfer. Defaults to `rolling-history`.

    - `rolling-history`: This is the default mode. It keeps the entire conversation history and
      appends the new assistant's system message on transfer.

      Example:

      Pre-transfer:
        system: assistant1 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)

      Post-transfer:
        system: assistant1 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)
        system: assistant2 system message
        assistant: assistant2 first message (or model generated if firstMessageMode is set to
        `assistant-speaks-first-with-model-generated-message`)

    - `swap-system-message-in-history`: This replaces the original system message with the new
      assistant's system message on transfer.

      Example:

      Pre-transfer:
        system: assistant1 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)

      Post-transfer:
        system: assistant2 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)
        assistant: assistant2 first message (or model generated if firstMessageMode is set to
        `assistant-speaks-first-with-model-generated-message`)

    - `delete-history`: This deletes the entire conversation history on transfer.

      Example:

      Pre-transfer:
        system: assistant1 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)

      Post-transfer:
        system: assistant2 system message
        assistant: assistant2 first message
        user: Yes, please
        assistant: how can i help?
        user: i need help with my account

    - `swap-system-message-in-history-and-remove-transfer-tool-messages`: This replaces the original
      system message with the new assistant's system message on transfer and removes transfer tool
      messages from conversation history sent to the LLM.

      Example:

      Pre-transfer:
        system: assistant1 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        transfer-tool
        transfer-tool-result
        assistant: (destination.message)

      Post-transfer:
        system: assistant2 system message
        assistant: assistant1 first message
        user: hey, good morning
        assistant: how can i help?
        user: i need help with my account
        assistant: (destination.message)
        assistant: assistant2 first message (or model generated if firstMessageMode is set to
        `assistant-speaks-first-with-model-generated-message`)

    @default 'rolling-history'
    """
    assistantName: Required[str]
    """This is the assistant to transfer the call to."""
    description: str
    """This is the description of the destination, used by the AI to choose when and how to transfer
    the call.
    """


class TransferDestinationNumber(TypedDict, total=False):
    """The API's ``TransferDestinationNumber`` (``"type": "number"``).

    Used in ``CreateTransferCallToolDTO.destinations``: These are the destinations that the call can
    be transferred to.
    """

    message: str | CustomMessage
    """This is spoken to the customer before connecting them to the destination.

    Usage:
    - If this is not provided and transfer tool messages is not provided, default is "Transferring
      the call now".
    - If set to "", nothing is spoken. This is useful when you want to silently transfer. This is
      especially useful when transferring between assistants in a squad. In this scenario, you
      likely also want to set
      `assistant.firstMessageMode=assistant-speaks-first-with-model-generated-message` for the
      destination assistant.

    This accepts a string or a ToolMessageStart class. Latter is useful if you want to specify
    multiple messages for different languages through the `contents` field.
    """
    type: Required[Literal["number"]]
    numberE164CheckEnabled: bool
    """This is the flag to toggle the E164 check for the `number` field. This is an advanced
    property which should be used if you know your use case requires it.

    Use cases:
    - `false`: To allow non-E164 numbers like `+001234567890`, `1234`, or `abc`. This is useful for
      dialing out to non-E164 numbers on your SIP trunks.
    - `true` (default): To allow only E164 numbers like `+14155551234`. This is standard for PSTN
      calls.

    If `false`, the `number` is still required to only contain alphanumeric characters (regex:
    `/^\\+?[a-zA-Z0-9]+$/`).

    @default true (E164 check is enabled)
    """
    number: Required[str]
    """This is the phone number to transfer the call to."""
    extension: str
    """This is the extension to dial after transferring the call to the `number`."""
    callerId: str
    """This is the caller ID to use when transferring the call to the `number`.

    Usage:
    - If not provided, the caller ID will be the number the call is coming from. Example,
      +14151111111 calls in to and the assistant transfers out to +16470000000. +16470000000 will
      see +14151111111 as the caller.
    - To change this behavior, provide a `callerId`.
    - Set to '{{customer.number}}' to always use the customer's number as the caller ID.
    - Set to '{{phoneNumber.number}}' to always use the phone number of the assistant as the caller
      ID.
    - Set to any E164 number to always use that number as the caller ID. This needs to be a number
      that is owned or verified by your Transport provider like Twilio.

    For Twilio, you can read up more here: https://www.twilio.com/docs/voice/twiml/dial#callerid
    """
    transferPlan: TransferPlan
    """This configures how transfer is executed and the experience of the destination party
    receiving the call. Defaults to `blind-transfer`.

    @default `transferPlan.mode='blind-transfer'`
    """
    description: str
    """This is the description of the destination, used by the AI to choose when and how to transfer
    the call.
    """


class TransferDestinationSip(TypedDict, total=False):
    """The API's ``TransferDestinationSip`` (``"type": "sip"``).

    Used in ``CreateTransferCallToolDTO.destinations``: These are the destinations that the call can
    be transferred to.
    """

    message: str | CustomMessage
    """This is spoken to the customer before connecting them to the destination.

    Usage:
    - If this is not provided and transfer tool messages is not provided, default is "Transferring
      the call now".
    - If set to "", nothing is spoken. This is useful when you want to silently transfer. This is
      especially useful when transferring between assistants in a squad. In this scenario, you
      likely also want to set
      `assistant.firstMessageMode=assistant-speaks-first-with-model-generated-message` for the
      destination assistant.

    This accepts a string or a ToolMessageStart class. Latter is useful if you want to specify
    multiple messages for different languages through the `contents` field.
    """
    type: Required[Literal["sip"]]
    sipUri: Required[str]
    """This is the SIP URI to transfer the call to."""
    transferPlan: TransferPlan
    """This configures how transfer is executed and the experience of the destination party
    receiving the call. Defaults to `blind-transfer`.

    @default `transferPlan.mode='blind-transfer'`
    """
    sipHeaders: Mapping[str, Any]
    """These are custom headers to be added to SIP refer during transfer call."""
    description: str
    """This is the description of the destination, used by the AI to choose when and how to transfer
    the call.
    """


class TransferFallbackPlan(TypedDict, total=False):
    """The API's ``TransferFallbackPlan``.

    Used in ``TransferPlan.fallbackPlan``: This configures the fallback plan when the transfer fails
    (destination unreachable, busy, or not human).
    """

    message: Required[str | CustomMessage]
    """This is the message the assistant will deliver to the customer if the transfer fails."""
    endCallEnabled: bool
    """This controls what happens after delivering the failure message to the customer.
    - true: End the call after delivering the failure message (default)
    - false: Keep the assistant on the call to continue handling the customer's request

    @default true
    """


class TransferPlan(TypedDict, total=False):
    """The API's ``TransferPlan``.

    Used in ``TransferDestinationNumber.transferPlan``: This configures how transfer is executed and
    the experience of the destination party receiving the call.
    """

    mode: Required[
        Literal[
            "blind-transfer",
            "blind-transfer-add-summary-to-sip-header",
            "warm-transfer-say-message",
            "warm-transfer-say-summary",
            "warm-transfer-twiml",
            "warm-transfer-wait-for-operator-to-speak-first-and-then-say-message",
            "warm-transfer-wait-for-operator-to-speak-first-and-then-say-summary",
            "warm-transfer-experimental",
        ]
    ]
    """This configures how transfer is executed and the experience of the destination party
    receiving the call.

    Usage:
    - `blind-transfer`: The assistant forwards the call to the destination without any message or
      summary.
    - `blind-transfer-add-summary-to-sip-header`: The assistant forwards the call to the destination
      and adds a SIP header X-Transfer-Summary to the call to include the summary.
    - `warm-transfer-say-message`: The assistant dials the destination, delivers the `message` to
      the destination party, connects the customer, and leaves the call.
    - `warm-transfer-say-summary`: The assistant dials the destination, provides a summary of the
      call to the destination party, connects the customer, and leaves the call.
    - `warm-transfer-wait-for-operator-to-speak-first-and-then-say-message`: The assistant dials the
      destination, waits for the operator to speak, delivers the `message` to the destination party,
      and then connects the customer.
    - `warm-transfer-wait-for-operator-to-speak-first-and-then-say-summary`: The assistant dials the
      destination, waits for the operator to speak, provides a summary of the call to the
      destination party, and then connects the customer.
    - `warm-transfer-twiml`: The assistant dials the destination, executes the twiml instructions on
      the destination call leg, connects the customer, and leaves the call.
    - `warm-transfer-experimental`: The assistant puts the customer on hold, dials the destination,
      and if the destination answers (and is human), delivers a message or summary before connecting
      the customer. If the destination is unreachable or not human (e.g., with voicemail detection),
      the assistant delivers the `fallbackMessage` to the customer and optionally ends the call.

    @default 'blind-transfer'
    """
    message: str | CustomMessage
    """This is the message the assistant will deliver to the destination party before connecting the
    customer.

    Usage:
    - Used only when `mode` is `blind-transfer-add-summary-to-sip-header`,
      `warm-transfer-say-message`,
      `warm-transfer-wait-for-operator-to-speak-first-and-then-say-message`, or
      `warm-transfer-experimental`.
    """
    timeout: float
    """This is the timeout in seconds for the
    warm-transfer-wait-for-operator-to-speak-first-and-then-say-message/summary

    @default 60
    """
    sipVerb: Literal["refer", "bye", "dial"]
    """This specifies the SIP verb to use while transferring the call.
    - 'refer': Uses SIP REFER to transfer the call (default)
    - 'bye': Ends current call with SIP BYE
    - 'dial': Uses SIP DIAL to transfer the call
    """
    holdAudioUrl: str
    """This is the URL to an audio file played while the customer is on hold during transfer.

    Usage:
    - Used only when `mode` is `warm-transfer-experimental`.
    - Used when transferring calls to play hold audio for the customer.
    - Must be a publicly accessible URL to an audio file.
    - Supported formats: MP3 and WAV.
    - If not provided, the default hold audio will be used.
    """
    transferCompleteAudioUrl: str
    """This is the URL to an audio file played after the warm transfer message or summary is
    delivered to the destination party.
    It can be used to play a custom sound like 'beep' to notify that the transfer is complete.

    Usage:
    - Used only when `mode` is `warm-transfer-experimental`.
    - Used when transferring calls to play hold audio for the destination party.
    - Must be a publicly accessible URL to an audio file.
    - Supported formats: MP3 and WAV.
    """
    twiml: str
    """This is the TwiML instructions to execute on the destination call leg before connecting the
    customer.

    Usage:
    - Used only when `mode` is `warm-transfer-twiml`.
    - Supports only `Play`, `Say`, `Gather`, `Hangup` and `Pause` verbs.
    - Maximum length is 4096 characters.

    Example:
    ```
    <Say voice="alice" language="en-US">Hello, transferring a customer to you.</Say>
    <Pause length="2"/>
    <Say>They called about billing questions.</Say>
    ```
    """
    summaryPlan: SummaryPlan
    """This is the plan for generating a summary of the call to present to the destination party.

    Usage:
    - Used only when `mode` is `blind-transfer-add-summary-to-sip-header` or
      `warm-transfer-say-summary` or
      `warm-transfer-wait-for-operator-to-speak-first-and-then-say-summary` or
      `warm-transfer-experimental`.
    """
    sipHeadersInReferToEnabled: bool
    """This flag includes the sipHeaders from above in the refer to sip uri as url encoded query
    params.

    @default false
    """
    fallbackPlan: TransferFallbackPlan
    """This configures the fallback plan when the transfer fails (destination unreachable, busy, or
    not human).

    Usage:
    - Used only when `mode` is `warm-transfer-experimental`.
    - If not provided when using `warm-transfer-experimental`, a default message will be used.
    """


class TransportConfigurationTwilio(TypedDict, total=False):
    """The API's ``TransportConfigurationTwilio``.

    Used in ``AssistantOverrides.transportConfigurations``: These are the configurations to be
    passed to the transport providers of assistant's calls, like Twilio.
    """

    provider: Required[Literal["twilio"]]
    timeout: float
    """The integer number of seconds that we should allow the phone to ring before assuming there is
    no answer.
    The default is `60` seconds and the maximum is `600` seconds.
    For some call flows, we will add a 5-second buffer to the timeout value you provide.
    For this reason, a timeout value of 10 seconds could result in an actual timeout closer to 15
    seconds.
    You can set this to a short time, such as `15` seconds, to hang up before reaching an answering
    machine or voicemail.

    @default 60
    """
    record: bool
    """Whether to record the call.
    Can be `true` to record the phone call, or `false` to not.
    The default is `false`.

    @default false
    """
    recordingChannels: Literal["mono", "dual"]
    """The number of channels in the final recording.
    Can be: `mono` or `dual`.
    The default is `mono`.
    `mono` records both legs of the call in a single channel of the recording file.
    `dual` records each leg to a separate channel of the recording file.
    The first channel of a dual-channel recording contains the parent call and the second channel
    contains the child call.

    @default 'mono'
    """


class TwilioVoicemailDetectionPlan(TypedDict, total=False):
    """The API's ``TwilioVoicemailDetectionPlan`` (``"provider": "twilio"``).

    Used in ``AssistantOverrides.voicemailDetection``: These are the settings to configure or
    disable voicemail detection.
    """

    provider: Required[Literal["twilio"]]
    """This is the provider to use for voicemail detection."""
    voicemailDetectionTypes: Sequence[
        Literal[
            "machine_start",
            "human",
            "fax",
            "unknown",
            "machine_end_beep",
            "machine_end_silence",
            "machine_end_other",
        ]
    ]
    """These are the AMD messages from Twilio that are considered as voicemail. Default is
    ['machine_end_beep', 'machine_end_silence'].

    @default {Array} ['machine_end_beep', 'machine_end_silence']
    """
    enabled: bool
    """This sets whether the assistant should detect voicemail. Defaults to true.

    @default true
    """
    machineDetectionTimeout: float
    """The number of seconds that Twilio should attempt to perform answering machine detection
    before timing out and returning AnsweredBy as unknown. Default is 30 seconds.

    Increasing this value will provide the engine more time to make a determination. This can be
    useful when DetectMessageEnd is provided in the MachineDetection parameter and there is an
    expectation of long answering machine greetings that can exceed 30 seconds.

    Decreasing this value will reduce the amount of time the engine has to make a determination.
    This can be particularly useful when the Enable option is provided in the MachineDetection
    parameter and you want to limit the time for initial detection.

    Check the [Twilio
    docs](https://www.twilio.com/docs/voice/answering-machine-detection#optional-api-tuning-parameters)
    for more info.

    @default 30
    """
    machineDetectionSpeechThreshold: float
    """The number of milliseconds that is used as the measuring stick for the length of the speech
    activity. Durations lower than this value will be interpreted as a human, longer as a machine.
    Default is 2400 milliseconds.

    Increasing this value will reduce the chance of a False Machine (detected machine, actually
    human) for a long human greeting (e.g., a business greeting) but increase the time it takes to
    detect a machine.

    Decreasing this value will reduce the chances of a False Human (detected human, actually
    machine) for short voicemail greetings. The value of this parameter may need to be reduced by
    more than 1000ms to detect very short voicemail greetings. A reduction of that significance can
    result in increased False Machine detections. Adjusting the MachineDetectionSpeechEndThreshold
    is likely the better approach for short voicemails. Decreasing MachineDetectionSpeechThreshold
    will also reduce the time it takes to detect a machine.

    Check the [Twilio
    docs](https://www.twilio.com/docs/voice/answering-machine-detection#optional-api-tuning-parameters)
    for more info.

    @default 2400
    """
    machineDetectionSpeechEndThreshold: float
    """The number of milliseconds of silence after speech activity at which point the speech
    activity is considered complete. Default is 1200 milliseconds.

    Increasing this value will typically be used to better address the short voicemail greeting
    scenarios. For short voicemails, there is typically 1000-2000ms of audio followed by 1200-2400ms
    of silence and then additional audio before the beep. Increasing the
    MachineDetectionSpeechEndThreshold to ~2500ms will treat the 1200-2400ms of silence as a gap in
    the greeting but not the end of the greeting and will result in a machine detection. The
    downsides of such a change include:
    - Increasing the delay for human detection by the amount you increase this parameter, e.g., a
      change of 1200ms to 2500ms increases human detection delay by 1300ms.
    - Cases where a human has two utterances separated by a period of silence (e.g. a "Hello", then
      2000ms of silence, and another "Hello") may be interpreted as a machine.

    Decreasing this value will result in faster human detection. The consequence is that it can lead
    to increased False Human (detected human, actually machine) detections because a silence gap in
    a voicemail greeting (not necessarily just in short voicemail scenarios) can be incorrectly
    interpreted as the end of speech.

    Check the [Twilio
    docs](https://www.twilio.com/docs/voice/answering-machine-detection#optional-api-tuning-parameters)
    for more info.

    @default 1200
    """
    machineDetectionSilenceTimeout: float
    """The number of milliseconds of initial silence after which an unknown AnsweredBy result will
    be returned. Default is 5000 milliseconds.

    Increasing this value will result in waiting for a longer period of initial silence before
    returning an 'unknown' AMD result.

    Decreasing this value will result in waiting for a shorter period of initial silence before
    returning an 'unknown' AMD result.

    Check the [Twilio
    docs](https://www.twilio.com/docs/voice/answering-machine-detection#optional-api-tuning-parameters)
    for more info.

    @default 5000
    """


class VariableExtractionAlias(TypedDict, total=False):
    """The API's ``VariableExtractionAlias``.

    Used in ``VariableExtractionPlan.aliases``: These are additional variables to create.
    """

    key: Required[str]
    """This is the key of the variable.

    This variable will be accessible during the call as `{{key}}` and stored in
    `call.artifact.variableValues` after the call.

    Rules:
    - Must start with a letter (a-z, A-Z).
    - Subsequent characters can be letters, numbers, or underscores.
    - Minimum length of 1 and maximum length of 40.
    """
    value: Required[str]
    """This is the value of the variable.

    This can reference existing variables, use filters, and perform transformations.

    Examples: "{{name}}", "{{customer.email}}", "Hello {{name | upcase}}\"
    """


class VariableExtractionPlan(TypedDict, total=False):
    """The API's ``VariableExtractionPlan``.

    Used in ``CreateApiRequestToolDTO.variableExtractionPlan``: This is the plan to extract
    variables from the tool's response.
    """

    schema: JsonSchema
    """This is the schema to extract.

    Examples:
    1. To extract object properties, you can use the following schema:
    ```json
    {
      "type": "object",
      "properties": {
        "name": {
          "type": "string"
        },
        "age": {
          "type": "number"
        }
      }
    }
    ```

    These will be extracted as `{{ name }}` and `{{ age }}` respectively. To emphasize, object
    properties are extracted as direct global variables.

    2. To extract nested properties, you can use the following schema:
    ```json
    {
      "type": "object",
      "properties": {
        "name": {
          "type": "object",
          "properties": {
            "first": {
              "type": "string"
            },
            "last": {
              "type": "string"
            }
          }
        }
      }
    }
    ```

    These will be extracted as `{{ name }}`. And, `{{ name.first }}` and `{{ name.last }}` will be
    accessible.

    3. To extract array items, you can use the following schema:
    ```json
    {
      "type": "array",
      "title": "zipCodes",
      "items": {
        "type": "string"
      }
    }
    ```

    This will be extracted as `{{ zipCodes }}`. To access the array items, you can use `{{
    zipCodes[0] }}` and `{{ zipCodes[1] }}`.

    4. To extract array of objects, you can use the following schema:

    ```json
    {
      "type": "array",
      "name": "people",
      "items": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "age": {
            "type": "number"
          },
          "zipCodes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      }
    }
    ```

    This will be extracted as `{{ people }}`. To access the array items, you can use `{{
    people[n].name }}`, `{{ people[n].age }}`, `{{ people[n].zipCodes }}`, `{{ people[n].zipCodes[0]
    }}` and `{{ people[n].zipCodes[1] }}`.
    """
    aliases: Sequence[VariableExtractionAlias]
    """These are additional variables to create.

    These will be accessible during the call as `{{key}}` and stored in
    `call.artifact.variableValues` after the call.

    Example:
    ```json
    {
      "aliases": [
        {
          "key": "customerName",
          "value": "{{name}}"
        },
        {
          "key": "fullName",
          "value": "{{firstName}} {{lastName}}"
        },
        {
          "key": "greeting",
          "value": "Hello {{name}}, welcome to {{company}}!"
        },
        {
          "key": "customerEmail",
          "value": "{{addresses[0].city}}"
        },
        {
          "key": "something",
          "value": "{{any liquid}}"
        }
      ]
    }
    ```

    This will create variables `customerName`, `fullName`, `customerEmail`, `greeting`, and
    `something`. To access these variables, you can reference them as `{{customerName}}`,
    `{{fullName}}`, `{{customerEmail}}`, `{{greeting}}`, and `{{something}}`.
    """


class VoicemailDetectionBackoffPlan(TypedDict, total=False):
    """The API's ``VoicemailDetectionBackoffPlan``.

    Used in ``CozmoxVoicemailDetectionPlan.backoffPlan``: This is the backoff plan for the voicemail
    detection.
    """

    startAtSeconds: float
    """This is the number of seconds to wait before starting the first retry attempt."""
    frequencySeconds: float
    """This is the interval in seconds between retry attempts."""
    maxRetries: float
    """This is the maximum number of retry attempts before giving up."""


class XaiModel(TypedDict, total=False):
    """The API's ``XaiModel`` (``"provider": "xai"``).

    Used in ``AssistantOverrides.model``: These are the options for the assistant's LLM.
    """

    messages: Sequence[OpenAIMessage]
    """This is the starting state for the conversation."""
    tools: Sequence[
        CreateApiRequestToolDTO
        | CreateBashToolDTO
        | CreateComputerToolDTO
        | CreateDtmfToolDTO
        | CreateEndCallToolDTO
        | CreateFunctionToolDTO
        | CreateGoHighLevelCalendarAvailabilityToolDTO
        | CreateGoHighLevelCalendarEventCreateToolDTO
        | CreateGoHighLevelContactCreateToolDTO
        | CreateGoHighLevelContactGetToolDTO
        | CreateGoogleCalendarCheckAvailabilityToolDTO
        | CreateGoogleCalendarCreateEventToolDTO
        | CreateGoogleSheetsRowAppendToolDTO
        | CreateMcpToolDTO
        | CreateQueryToolDTO
        | CreateSlackSendMessageToolDTO
        | CreateSmsToolDTO
        | CreateTextEditorToolDTO
        | CreateTransferCallToolDTO
    ]
    """These are the tools that the assistant can use during the call. To use existing tools, use
    `toolIds`.

    Both `tools` and `toolIds` can be used together.
    """
    toolIds: Sequence[str]
    """These are the tools that the assistant can use during the call. To use transient tools, use
    `tools`.

    Both `tools` and `toolIds` can be used together.
    """
    knowledgeBase: CreateCustomKnowledgeBaseDTO
    """These are the options for the knowledge base."""
    knowledgeBaseId: str
    """This is the ID of the knowledge base the model will use."""
    model: Required[Literal["grok-beta", "grok-2", "grok-3"]]
    """This is the name of the model. Ex. cognitivecomputations/dolphin-mixtral-8x7b"""
    provider: Required[Literal["xai"]]
    temperature: float
    """This is the temperature that will be used for calls. Default is 0 to leverage caching for
    lower latency.
    """
    maxTokens: float
    """This is the max number of tokens that the assistant will be allowed to generate in each turn
    of the conversation. Default is 250.
    """
    emotionRecognitionEnabled: bool
    """This determines whether we detect user's emotion while they speak and send it as an
    additional info to model.

    Default `false` because the model is usually are good at understanding the user's emotion from
    text.

    @default false
    """
    numFastTurns: float
    """This sets how many turns at the start of the conversation to use a smaller, faster model from
    the same provider before switching to the primary model. Example, gpt-3.5-turbo if provider is
    openai.

    Default is 0.

    @default 0
    """
