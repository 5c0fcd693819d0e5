//! Shared evaluation of "a multi-region, logging trail records data events of a type".
use crate::evidence::operation_gap_anywhere;
use crate::Status;
use wasp_model::{Inventory, Service};

/// Which direction of data events is required.
#[derive(Clone, Copy)]
pub enum Direction {
    Read,
    Write,
}

/// One account verdict: PASS as soon as a multi-region, logging trail records `direction`
/// events of `resource_type` for every resource; SKIP when a trail's flags, status or
/// selectors were not read (or the trail list of a region) and none passed; FAIL otherwise.
pub fn evaluate(inv: &Inventory, resource_type: &str, direction: Direction, what: &str) -> (Status, String) {
    let mut unknown = None;
    for trail in &inv.cloudtrail.trails {
        let name = &trail.name;
        match (trail.multi_region, trail.is_logging) {
            (Some(true), Some(true)) => {}
            (Some(false), _) | (_, Some(false)) => continue,
            _ => {
                unknown.get_or_insert_with(|| format!("whether trail {name} is multi-region and logging was not read"));
                continue;
            }
        }
        let Some(events) = trail.data_events_of(resource_type) else {
            unknown
                .get_or_insert_with(|| crate::evidence::unknown_for_resource(inv, &trail.arn, "the event selectors"));
            continue;
        };
        let covered = match direction {
            Direction::Read => events.read,
            Direction::Write => events.write,
        };
        if covered {
            return (Status::Pass, format!("multi-region trail {name} records {what} for every resource"));
        }
    }
    if let Some(why) =
        unknown.or_else(|| operation_gap_anywhere(inv, Service::CloudTrail, "DescribeTrails", "the trail list"))
    {
        return (Status::Skip, why);
    }
    (Status::Fail, format!("no multi-region, logging trail records {what} for every resource"))
}
