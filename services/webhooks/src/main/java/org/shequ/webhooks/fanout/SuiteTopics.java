package org.shequ.webhooks.fanout;

import jakarta.inject.Singleton;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.Topics;
import org.shequ.platform.inbox.EventHandler;

/**
 * One consumer per topic of the suite (the platform's consumer pattern reads one topic per handler), each queueing
 * deliveries with {@link DeliveryPlanner}. Every event type is read; the subscriptions decide which go out. Plain
 * singletons: nothing intercepts them, so they need no proxy.
 */
final class SuiteTopics {

    private SuiteTopics() {
    }

    abstract static class TopicFanOut implements EventHandler {

        private final DeliveryPlanner planner;
        private final String topic;

        TopicFanOut(DeliveryPlanner planner, String topic) {
            this.planner = planner;
            this.topic = topic;
        }

        @Override
        public String name() {
            return "webhooks-" + topic.substring("shequ.".length(), topic.length() - ".v1".length());
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public boolean wants(String eventType) {
            return true;
        }

        @Override
        public void handle(DomainEvent event, CloudEvent envelope) {
            planner.plan(event, envelope);
        }
    }

    @Singleton
    static class Notices extends TopicFanOut {
        Notices(DeliveryPlanner planner) {
            super(planner, Topics.NOTICES);
        }
    }

    @Singleton
    static class GridTasks extends TopicFanOut {
        GridTasks(DeliveryPlanner planner) {
            super(planner, Topics.GRID_TASKS);
        }
    }

    @Singleton
    static class FoodInspections extends TopicFanOut {
        FoodInspections(DeliveryPlanner planner) {
            super(planner, Topics.FOOD_INSPECTIONS);
        }
    }

    @Singleton
    static class Renovations extends TopicFanOut {
        Renovations(DeliveryPlanner planner) {
            super(planner, Topics.RENOVATIONS);
        }
    }
}
