//! SNS of one region: who is subscribed to which topic (one paginated call), and every topic
//! with its encryption and access policy (one paginated list, then one `GetTopicAttributes`
//! per topic, which AWS offers no bulk form of).
use crate::unit::{client, Unit};
use futures::StreamExt;
use wasp_model::sns::{Subscription, Topic};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sns = client!(aws_sdk_sns, unit);
    collect_with(unit, &sns, part).await;
}

async fn collect_with(unit: &Unit, sns: &aws_sdk_sns::Client, part: &mut Inventory) {
    let (subscriptions, topics) = futures::join!(subscriptions(unit, sns), topics(unit, sns));
    if let Some(subscriptions) = subscriptions {
        part.sns.subscriptions.insert(unit.region.clone(), subscriptions);
    }
    part.sns.topics = topics;
}

/// The region's subscriptions, complete or `None`: a partial list would hide subscribers.
async fn subscriptions(unit: &Unit, sns: &aws_sdk_sns::Client) -> Option<Vec<Subscription>> {
    let mut subscriptions = Vec::new();
    let mut pages = sns.list_subscriptions().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListSubscriptions", page).ok()?;
        subscriptions.extend(page.subscriptions().iter().filter_map(|s| {
            Some(Subscription {
                topic_arn: s.topic_arn()?.to_owned(),
                protocol: s.protocol().unwrap_or_default().to_owned(),
                // An unconfirmed subscription's ARN is `PendingConfirmation`.
                confirmed: s.subscription_arn().is_some_and(|arn| arn.starts_with("arn:")),
            })
        }));
    }
    Some(subscriptions)
}

/// Every topic listed before any failure, each with its attributes read.
async fn topics(unit: &Unit, sns: &aws_sdk_sns::Client) -> Vec<Topic> {
    let mut arns = Vec::new();
    let mut pages = sns.list_topics().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListTopics", page).ok() else { break };
        arns.extend(page.topics().iter().filter_map(|t| t.topic_arn().map(str::to_owned)));
    }
    futures::stream::iter(arns).map(|arn| read_topic(unit, sns, arn)).buffered(unit.inner_concurrency()).collect().await
}

async fn read_topic(unit: &Unit, sns: &aws_sdk_sns::Client, arn: String) -> Topic {
    let name = arn.rsplit(':').next().unwrap_or_default().to_owned();
    let mut topic = Topic { name, region: unit.region.clone(), arn, ..Topic::default() };
    let answer = sns.get_topic_attributes().topic_arn(&topic.arn).send().await;
    let Some(out) = unit.read_for("GetTopicAttributes", &topic.arn, answer).ok() else { return topic };
    let attribute = |name: &str| out.attributes().and_then(|a| a.get(name)).filter(|v| !v.trim().is_empty());
    // SNS leaves the key out (or empty) when server-side encryption is off.
    topic.kms_master_key_id = Some(match attribute("KmsMasterKeyId") {
        Some(key) => Setting::Configured(key.clone()),
        None => Setting::NotConfigured,
    });
    topic.policy =
        super::policy_document(unit, "GetTopicAttributes", &topic.arn, attribute("Policy").map(String::as_str));
    topic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_sns::operation::get_topic_attributes::{GetTopicAttributesError, GetTopicAttributesOutput};
    use aws_sdk_sns::operation::list_subscriptions::ListSubscriptionsOutput;
    use aws_sdk_sns::operation::list_topics::ListTopicsOutput;
    use aws_sdk_sns::types::Topic as SdkTopic;
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{GapKind, Service};

    const ARN: &str = "arn:aws:sns:us-east-1:123456789012:";

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_sns::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::Sns, "us-east-1".into());
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let sns = client!(aws_sdk_sns, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        collect_with(&unit, &sns, &mut part).await;
        (unit, part)
    }

    fn no_subscriptions() -> Rule {
        mock!(aws_sdk_sns::Client::list_subscriptions).then_output(|| ListSubscriptionsOutput::builder().build())
    }

    #[tokio::test]
    async fn a_denied_attribute_read_leaves_that_topic_unread_and_keeps_the_others() {
        let list = mock!(aws_sdk_sns::Client::list_topics).then_output(|| {
            ListTopicsOutput::builder()
                .topics(SdkTopic::builder().topic_arn(format!("{ARN}open")).build())
                .topics(SdkTopic::builder().topic_arn(format!("{ARN}secret")).build())
                .build()
        });
        let open = mock!(aws_sdk_sns::Client::get_topic_attributes)
            .match_requests(|r| r.topic_arn() == Some("arn:aws:sns:us-east-1:123456789012:open"))
            .then_output(|| {
                GetTopicAttributesOutput::builder()
                    .attributes(
                        "Policy",
                        r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"SNS:Publish"}]}"#,
                    )
                    .attributes("KmsMasterKeyId", "")
                    .build()
            });
        let secret = mock!(aws_sdk_sns::Client::get_topic_attributes)
            .match_requests(|r| r.topic_arn() == Some("arn:aws:sns:us-east-1:123456789012:secret"))
            .then_error(|| {
                GetTopicAttributesError::generic(ErrorMetadata::builder().code("AuthorizationError").build())
            });
        let (unit, part) = run(&[&list, &open, &secret, &no_subscriptions()]).await;

        let topics = &part.sns.topics;
        assert_eq!(topics.len(), 2);
        assert_eq!((topics[0].name.as_str(), topics[0].region.as_str()), ("open", "us-east-1"));
        assert_eq!(topics[0].kms_master_key_id, Some(Setting::NotConfigured), "an empty key is no encryption");
        let Some(Setting::Configured(policy)) = &topics[0].policy else { panic!("{:?}", topics[0].policy) };
        assert_eq!(policy["Statement"][0]["Principal"], "*");
        assert_eq!((&topics[1].kms_master_key_id, &topics[1].policy), (&None, &None), "unread is not a default");
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("GetTopicAttributes", GapKind::AccessDenied));
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:sns:us-east-1:123456789012:secret"));
        assert_eq!(part.sns.subscriptions["us-east-1"], []);
    }

    #[tokio::test]
    async fn a_policy_that_is_not_json_is_a_gap_not_a_policy() {
        let list = mock!(aws_sdk_sns::Client::list_topics).then_output(|| {
            ListTopicsOutput::builder().topics(SdkTopic::builder().topic_arn(format!("{ARN}odd")).build()).build()
        });
        let odd = mock!(aws_sdk_sns::Client::get_topic_attributes).then_output(|| {
            GetTopicAttributesOutput::builder()
                .attributes("Policy", "{not json")
                .attributes("KmsMasterKeyId", "alias/aws/sns")
                .build()
        });
        let (unit, part) = run(&[&list, &odd, &no_subscriptions()]).await;
        let topic = &part.sns.topics[0];
        assert_eq!(topic.kms_master_key_id, Some(Setting::Configured("alias/aws/sns".into())));
        assert_eq!(topic.policy, None);
        let gaps = unit.take_gaps();
        assert_eq!((gaps.len(), gaps[0].kind), (1, GapKind::Other));
        assert!(gaps[0].reason.contains("not JSON"), "{}", gaps[0].reason);
    }
}
