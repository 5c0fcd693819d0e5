//! Region names, checked before any call: a name that cannot be an AWS region is a usage
//! error, not a network one.

/// AWS geographies, as region names start (`us-gov` before `us`).
const GEOGRAPHIES: &[&str] =
    &["us-gov", "us-isob", "us-isof", "us-iso", "eusc", "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn"];

/// The direction part of region names.
const DIRECTIONS: &[&str] =
    &["north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"];

/// Whether `name` has the shape of an AWS region: `<geography>-<direction>-<number>`, as
/// `us-east-1`, `us-gov-west-1`, `ap-southeast-5` or `eusc-de-east-1`. Regions AWS opens
/// later keep the shape; whether the account has the region is asked of AWS itself.
pub fn check(name: &str) -> Result<(), String> {
    let expected = "expected a region name such as us-east-1 or eu-west-1";
    let Some((rest, number)) = name.rsplit_once('-') else {
        return Err(format!("invalid region name '{}' ({expected})", short(name)));
    };
    if number.is_empty() || number.len() > 2 || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("invalid region name '{}' ({expected})", short(name)));
    }
    let Some(geography) = GEOGRAPHIES.iter().find(|g| rest.starts_with(&format!("{g}-"))) else {
        let first = rest.split('-').next().unwrap_or_default();
        return Err(format!(
            "unknown region '{}': '{}' is not an AWS geography ({expected})",
            short(name),
            short(first)
        ));
    };
    let tail = &rest[geography.len() + 1..];
    // The European Sovereign Cloud names a country between geography and direction.
    let direction = tail.rsplit('-').next().unwrap_or_default();
    let middle_ok = tail.split('-').count() == 1 || (*geography == "eusc" && tail.split('-').count() == 2);
    if !DIRECTIONS.contains(&direction) || !middle_ok {
        return Err(format!(
            "unknown region '{}': '{}' is not a region direction ({expected})",
            short(name),
            short(tail)
        ));
    }
    Ok(())
}

/// A name as error messages quote it: at most 40 characters.
fn short(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_region_names_pass() {
        for name in [
            "us-east-1",
            "eu-west-3",
            "ap-southeast-5",
            "us-gov-west-1",
            "cn-northwest-1",
            "il-central-1",
            "mx-central-1",
            "us-iso-east-1",
            "us-isob-east-1",
            "eusc-de-east-1",
            "ca-west-1",
        ] {
            assert!(check(name).is_ok(), "{name}: {:?}", check(name));
        }
    }

    #[test]
    fn impossible_names_are_named_as_such() {
        let err = check("mars-north-9").unwrap_err();
        assert!(err.starts_with("unknown region 'mars-north-9': 'mars' is not an AWS geography"), "{err}");
        assert!(check("us-up-1").unwrap_err().contains("'up' is not a region direction"));
        assert!(check("us-east").unwrap_err().starts_with("invalid region name"));
        assert!(check("").is_err() && check("us-east-1a").is_err() && check("US-EAST-1").is_err());
        let long = "x".repeat(1000);
        assert!(check(&long).unwrap_err().len() < 200);
    }
}
